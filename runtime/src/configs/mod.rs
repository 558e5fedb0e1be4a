//! The configuration of every pallet in the runtime, one file per concern.

mod civic;
mod consensus;
mod system;

pub use civic::*;
pub use consensus::*;
pub use system::*;
