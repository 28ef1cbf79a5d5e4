//! The platforms Sandpit counts for (docs/design.md, "Counting characters"): their ids and
//! names, their limits, and reading one from what a file or a form says.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A platform that Sandpit counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    X,
    Bluesky,
    Mastodon,
    Threads,
    Linkedin,
    Facebook,
    Instagram,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::X,
        Platform::Bluesky,
        Platform::Mastodon,
        Platform::Threads,
        Platform::Linkedin,
        Platform::Facebook,
        Platform::Instagram,
    ];

    /// The id used on the command line and in the API.
    pub fn id(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Bluesky => "bluesky",
            Platform::Mastodon => "mastodon",
            Platform::Threads => "threads",
            Platform::Linkedin => "linkedin",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
        }
    }

    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Platform::X => "X",
            Platform::Bluesky => "Bluesky",
            Platform::Mastodon => "Mastodon",
            Platform::Threads => "Threads",
            Platform::Linkedin => "LinkedIn",
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
        }
    }

    /// The platform's limit out of the box.
    pub fn default_limit(self) -> usize {
        match self {
            Platform::X => 280,
            Platform::Bluesky => 300,
            Platform::Mastodon => 500,
            Platform::Threads => 500,
            Platform::Linkedin => 3000,
            Platform::Facebook => 63_206,
            Platform::Instagram => 2200,
        }
    }

    /// The profile with the default limit.
    pub fn profile(self) -> Profile {
        Profile {
            platform: self,
            limit: self.default_limit(),
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Platform {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Platform {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        id.parse().map_err(serde::de::Error::custom)
    }
}

/// An id that names no platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPlatform(pub String);

impl fmt::Display for UnknownPlatform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Platform::ALL.iter().map(|p| p.id()).collect();
        write!(
            f,
            "unknown platform {:?}: use one of {}",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownPlatform {}

impl FromStr for Platform {
    type Err = UnknownPlatform;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let id = s.trim().to_ascii_lowercase();
        if id == "twitter" {
            return Ok(Platform::X);
        }
        Platform::ALL
            .into_iter()
            .find(|p| p.id() == id)
            .ok_or_else(|| UnknownPlatform(s.to_string()))
    }
}

/// A platform with its limit (Mastodon's is set per instance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub platform: Platform,
    pub limit: usize,
}

impl From<Platform> for Profile {
    fn from(p: Platform) -> Self {
        p.profile()
    }
}
