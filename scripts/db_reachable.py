"""Exit 0 when the PostgreSQL server named by the URL answers, 1 when it does not."""

import sys

import psycopg

try:
    psycopg.connect(sys.argv[1], connect_timeout=3).close()
except psycopg.OperationalError:
    sys.exit(1)
