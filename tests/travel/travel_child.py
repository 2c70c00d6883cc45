"""A second process for the kill test (run as a script, not collected by pytest).

python travel_child.py OFFICE TRIP   print "ready", bring TRIP home into OFFICE
                                     (travel's side for every conflict), print "done"
"""

from __future__ import annotations

import sys
from pathlib import Path

from stad_desktop.services import Services
from stad_desktop.storage import open_database

if __name__ == "__main__":
    services = Services(open_database(Path(sys.argv[1]), startup_backup=False))
    print("ready", flush=True)
    services.travel.bring_home(Path(sys.argv[2]), prefer="travel")
    print("done", flush=True)
    services.db.close()
