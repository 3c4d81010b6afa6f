"""Forms of a programme's records, a module per record: the common part of a register record's
form (``records``), risks, savings lines, actions, service areas, and the person pickers
(``people``)."""
