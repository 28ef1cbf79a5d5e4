//! Shared by the integration tests, so that every test file stands its servers up the same way:
//! Sandpit in this process on loopback (port 0, a data directory of its own), fixture HTTP
//! servers, the real binary as a process, a client that sees every status, the steps of a
//! class (a trainer signed in, a class, trainees who joined), the query tests' fixture, a drill's
//! world with a manual clock, and the database each server runs on (SQLite, or PostgreSQL when
//! `SANDPIT_TEST_DATABASE_URL` is set).
//!
//! Each test file that needs it says `mod support;`; no file uses all of it.

#![allow(dead_code, unused_imports)]

pub mod classroom;
mod client;
pub mod cluster;
pub mod database;
pub mod drill_load;
pub mod drill_world;
pub mod exercises;
pub mod page;
pub mod process;
pub mod proxy;
pub mod query;
pub mod routes;
mod server;

pub use client::{Client, Resp, http_client, token_in};
pub use server::{Server, Setup, open_app, serve_app, serve_router, serve_router_on_thread, start};
