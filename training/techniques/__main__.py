from training.techniques.cli import main

main()
