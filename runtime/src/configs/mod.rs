//! The configuration of every pallet in the runtime, one file per concern.

mod civic;
mod consensus;
mod council;
mod system;

pub use civic::*;
pub use consensus::*;
pub use council::*;
pub use system::*;
