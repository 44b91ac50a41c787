//! The background jobs: each runs on its own schedule beside the faces, never inside a request.
