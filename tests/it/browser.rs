//! Browser tests: see tests/it/browser/ (written next).
