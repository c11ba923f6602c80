from training.checkworthy.cli import main

main()
