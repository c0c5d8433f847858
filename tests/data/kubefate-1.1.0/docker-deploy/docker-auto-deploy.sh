#!/bin/bash
# Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
# FATE Deployer renders natively and never runs this file; it only marks the 1.1.0 layout.
echo "use fate-deployer-cli render" >&2
exit 1
