from training.embeddings.cli import main

main()
