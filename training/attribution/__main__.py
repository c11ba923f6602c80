from training.attribution.cli import main

main()
