//! The configuration of every pallet in the runtime, one file per concern.

mod accounts;
mod blocks;
mod civic;
mod consensus;
mod council;
mod system;
mod validators;

pub use accounts::*;
pub use blocks::*;
pub use civic::*;
pub use consensus::*;
pub use council::*;
pub use system::*;
pub use validators::*;
