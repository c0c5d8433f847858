#!/bin/bash
# Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
user=root
dir=/data/projects/fate
partylist=(10000 9999)
partyiplist=(192.168.7.1 192.168.7.2)
venvdir=/data/projects/fate/venv
exchangeip=${partyiplist[0]}
