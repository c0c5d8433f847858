#!/bin/bash
# Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
venv=$1
shift
source "$venv/bin/activate"
exec python "$@"
