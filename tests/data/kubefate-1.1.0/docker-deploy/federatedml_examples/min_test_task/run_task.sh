#!/bin/bash
# Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
echo "min test task"
