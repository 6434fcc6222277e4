from jatkumo.cli import main

main()
