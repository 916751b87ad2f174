"""`python -m search_index SITE SAVE_AS [STATE]`: index a built site's stories as a build does
(the build runs this in the background; the benchmark times it alone)."""

import sys

from .indexer import index_site

try:
    complaints = index_site(*sys.argv[1:4])
except OSError as error:
    complaints = f"could not write the index: {error}"
if complaints:
    sys.exit(complaints)
