#!/bin/bash
# Stand-in of the fixture.
exit 1
