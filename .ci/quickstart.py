"""Print the commands of the first code block under the README's "Quick start" heading."""

import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("## Quick start", 1)[1]
block = re.search(r"```[a-z]*\n(.*?)```", section, re.DOTALL).group(1)
for line in block.splitlines():
    if line.strip() and not line.lstrip().startswith("#"):
        print(line.strip())
