//! One file per subcommand: turn parsed arguments into library calls and print the result.

pub mod check;
pub mod corpus;
pub mod search;
pub mod serve;
