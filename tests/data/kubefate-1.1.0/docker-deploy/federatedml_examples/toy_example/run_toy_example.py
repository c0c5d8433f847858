#!/usr/bin/env python
# Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
# A stand-in for the toy example: prints what the real one prints on success.
import sys


def main(argv):
    if len(argv) != 4:
        print("usage: run_toy_example.py GUEST_ID HOST_ID WORK_MODE")
        return 2
    guest, host, work_mode = argv[1], argv[2], argv[3]
    print("guest %s host %s work_mode %s" % (guest, host, work_mode))
    print("job status is success")
    print("secure_add_guest.py[line:121] - INFO: success to calculate secure_sum, it is 2000.0000000000002")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
