from stad_desktop.cli import main

raise SystemExit(main())
