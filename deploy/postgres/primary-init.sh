#!/bin/sh
# Runs once, when the official postgres image initialises the primary's data folder:
# let the replica stream WAL over the compose network with the same password.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
