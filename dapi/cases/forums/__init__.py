"""Multi-agency forums (MARAC, MATAC, MAPPA, TATI and any an area adds): a case's listings at their
meetings and the actions agreed there, each on one side of the information barrier."""
