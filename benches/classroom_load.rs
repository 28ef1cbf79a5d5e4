//! Classroom load test (written in a later step).
fn main() {}
