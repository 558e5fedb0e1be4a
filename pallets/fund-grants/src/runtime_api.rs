//! `FundGrantsApi`: what committees, applicants and auditors ask the runtime about the fund.
//!
//! The results are the pallet's stored types instantiated for the runtime, so their layout is in
//! the metadata and Polkadot.js decodes them.

use alloc::vec::Vec;
use codec::Codec;

use crate::{ApplicationId, ProgramId};
use civitas_primitives::{Amount, SubjectId};

/// The most entries one page returns: the one limit of every Civitas runtime API.
pub use civitas_primitives::MAX_PAGE;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the special fund.
	pub trait FundGrantsApi<Program, Application>
	where
		Program: Codec,
		Application: Codec,
	{
		/// A program (budget, allocated, disbursed in it) and what remains to allocate.
		fn program(id: ProgramId) -> Option<(Program, Amount)>;

		/// An application.
		fn application(id: ApplicationId) -> Option<Application>;

		/// A page of `subject`'s applications: up to `limit` (at most `MAX_PAGE`) after
		/// `start_after`.
		fn applications_of(subject: SubjectId, start_after: Option<ApplicationId>, limit: u32) -> Vec<(ApplicationId, Application)>;

		/// A page of a program's applications.
		fn applications_of_program(program: ProgramId, start_after: Option<ApplicationId>, limit: u32) -> Vec<(ApplicationId, Application)>;
	}
}
