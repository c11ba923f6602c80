from training.claims.cli import main

main()
