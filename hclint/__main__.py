from hclint.cli import run

run()
