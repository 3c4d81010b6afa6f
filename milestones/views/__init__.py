"""Milestone pages, a module per job: a milestone's own pages (``pages``), the lists of
milestones (``lists``) and a programme's timeline (``timeline``)."""
