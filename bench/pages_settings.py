"""Settings of the page benchmark (bench/pages_load.py): the site's own, with an URLconf that adds /ok/."""
from config.settings import *  # noqa: F401,F403 (the production settings, unchanged but for the URLconf)

ROOT_URLCONF = "pages_urls"
