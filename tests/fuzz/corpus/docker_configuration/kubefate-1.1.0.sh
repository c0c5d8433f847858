#!/bin/bash
# Test fixture: a KubeFATE 1.1.0 docker-deploy configuration for two parties, in the shape the
# 1.1.0 README describes (written for FATE Deployer's tests).

user=root
dir=/data/projects/fate

# party ids and the host of each party, same order
partylist=(10000 9999)
partyiplist=(192.168.7.1 192.168.7.2)

venvdir=/data/projects/fate/venv

# the exchange runs on the first party's host
exchangeip=${partyiplist[0]}
