"""Services: one function per user action or query, each taking a session and plain values."""
