from desktop.start import main

raise SystemExit(main())
