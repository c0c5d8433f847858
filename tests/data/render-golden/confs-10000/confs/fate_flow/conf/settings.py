#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
import os

WORK_MODE = 1
USE_LOCAL_DATABASE = True
MAX_CONCURRENT_JOB_RUN = 5

DATABASE = {
    'name': 'fate',
    'user': 'fate',
    'passwd': 'fate_dev',
    'host': 'mysql',
    'port': 3306,
    'max_connections': 100,
    'stale_timeout': 30,
}

REDIS = {
    'host': 'redis',
    'port': 6379,
    'password': 'fate_dev',
    'max_connections': 500
}

REDIS_QUEUE_DB_INDEX = 0
