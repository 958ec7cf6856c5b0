"""``python -m optimize`` runs the clusterplan command line."""

from optimize.cli.app import main

main()
