"""``python -m optimize`` runs the clusterplan command line."""

from optimize.cli import main

main()
