from hclint.cli import main

main(prog_name="hclint")
