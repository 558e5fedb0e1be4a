//! The configuration of every pallet. The city's pallets, accounts, fees, the council, the
//! block authors' set and the block limits are the standalone runtime's files, included by path: one source, so a rule
//! changed there changes on both chains. The parachain's own: `System` as a parachain, Aura
//! under Cumulus, the relay chain's messages and XCM between city chains.

#[path = "../../../runtime/src/configs/accounts.rs"]
mod accounts;
#[path = "../../../runtime/src/configs/blocks.rs"]
mod blocks;
#[path = "../../../runtime/src/configs/civic.rs"]
mod civic;
#[path = "../../../runtime/src/configs/council.rs"]
mod council;
mod parachain;
#[path = "../../../runtime/src/configs/validators.rs"]
mod validators;
pub mod xcm;

pub use accounts::*;
pub use blocks::*;
pub use civic::*;
pub use council::*;
pub use parachain::*;
pub use validators::*;
