"""The pages and API of what happens to an agreement after it is signed (extensions, variations, break
notices, terminations, grant conditions) and of its co-funding rules and co-funders' cuts. Their models
are models/events.py and models/cofunding.py, their writes services/events.py and services/cofunding.py;
this sub-package holds the adapters (selectors, forms, views, API router, added to funding's) beside them."""
