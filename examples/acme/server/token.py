"""Mint Multipass tokens on the server (scopels demo)."""

import os

ACME_CLIENT_ID = os.environ["ACME_CLIENT_ID"]

# api.multipass was renamed; the project file says to what.
scope = "api.read_profile api.multipass"
