"""What this help center is: its configuration, its files, its MkDocs site (nav, URLs, heading ids,
folder metadata) and which of its articles may be published."""
