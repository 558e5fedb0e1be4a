// The runtime APIs both runtimes implement alike, written once: the parachain runtime includes
// this file by path into its `apis` module as the standalone runtime does (`include!`, so no
// inner doc comments here). The block's core, metadata, block building, the transaction pool,
// offchain workers, Aura and session keys, nonces and fees, genesis presets, every city pallet's
// API for auditors and applications, and the block authors' set (`ValidatorsApi`). Each runtime
// calls [`impl_city_runtime_apis!`] with the APIs of its own consensus (GRANDPA; Cumulus as a
// parachain) and the rest of its own (the cross-city register). The benchmarks API calls each
// runtime's own `benchmarks` module.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		weights::Weight,
	},
	frame_system_rpc_runtime_api, pallet_transaction_payment,
	pallet_transaction_payment_rpc_runtime_api,
	sp_api::{self, impl_runtime_apis},
	pallet_aura, sp_block_builder, sp_consensus_aura,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata, H256},
	sp_genesis_builder, sp_inherents, sp_offchain,
	sp_runtime::{
		traits::Block as BlockT,
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult, ExtrinsicInclusionMode,
	},
	sp_session, sp_transaction_pool,
	sp_version::RuntimeVersion,
};

use crate::{
	AccessLog, AccountId, Aura, Balance, Block, BlockNumber, CivicIdentity, Council, CreditRecords,
	Departments, EBills, Executive, FundGrants, InherentDataExt, Nonce, RealEstate, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, Validators, VERSION,
};
use civitas_primitives::{
	BillId, CredentialId, CreditCategory, DepartmentId, RecordId, Role, SubjectId,
};
use pallet_access_log::{
	runtime_api::{AccessInfo, PurposeInfo, SubjectAccessInfo},
	AccessId, PurposeCode, RecordKind,
};
use pallet_civic_identity::{
	runtime_api::{CredentialVerification, SchemaInfo, SubjectInfo},
	PendingLink,
};
use pallet_council::{
	runtime_api::{ClassPolicy, MotionInfo},
	MotionId, Pause,
};
use pallet_credit_records::runtime_api::{CreditProfileInfo, RecordInfo};
use pallet_departments::runtime_api::{DepartmentInfo, OfficerInfo};
use pallet_e_bills::{runtime_api::BillInfo, Issuer, ReimbursementStatus};
use pallet_fund_grants::{
	runtime_api::{ApplicationInfo, ProgramInfo},
	ApplicationId, ProgramId,
};
use pallet_validators::runtime_api::ValidatorSet;
use pallet_real_estate::{
	runtime_api::{Holding, LicenceVerification, PropertyInfo, TitleEntryInfo, TransferInfo},
	Encumbrance, Licence, PropertyId,
};

/// The encoded proof (`MembershipProof`) that session key `key` of type `key_type` belongs to a
/// current validator (a collator on the parachain): what Aura's (and on the standalone chain
/// GRANDPA's) equivocation reports carry.
fn key_ownership_proof(key_type: KeyTypeId, key: &[u8]) -> Option<Vec<u8>> {
	use codec::Encode;
	use polkadot_sdk::frame_support::traits::KeyOwnerProofSystem;
	crate::Historical::prove((key_type, key)).map(|proof| proof.encode())
}

/// `impl_runtime_apis!` with every API both runtimes share and the runtime's own: `consensus`
/// after the block's core, the transaction pool, Aura and session keys (finality, collation),
/// `other` after the city pallets' and the validator set's APIs (the cross-city register). The
/// order is the metadata's and the runtime version's list of APIs.
macro_rules! impl_city_runtime_apis {
	(consensus { $($consensus:tt)* } other { $($other:tt)* }) => {
		impl_runtime_apis! {
			impl sp_api::Core<Block> for Runtime {
				fn version() -> RuntimeVersion {
					VERSION
				}

				fn execute_block(block: <Block as BlockT>::LazyBlock) {
					Executive::execute_block(block);
				}

				fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
					Executive::initialize_block(header)
				}
			}

			impl sp_api::Metadata<Block> for Runtime {
				fn metadata() -> OpaqueMetadata {
					OpaqueMetadata::new(Runtime::metadata().into())
				}

				fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
					Runtime::metadata_at_version(version)
				}

				fn metadata_versions() -> Vec<u32> {
					Runtime::metadata_versions()
				}
			}

			impl sp_block_builder::BlockBuilder<Block> for Runtime {
				fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
					Executive::apply_extrinsic(extrinsic)
				}

				fn finalize_block() -> <Block as BlockT>::Header {
					Executive::finalize_block()
				}

				fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
					data.create_extrinsics()
				}

				fn check_inherents(
					block: <Block as BlockT>::LazyBlock,
					data: sp_inherents::InherentData,
				) -> sp_inherents::CheckInherentsResult {
					data.check_extrinsics(&block)
				}
			}

			impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
				fn validate_transaction(
					source: TransactionSource,
					tx: <Block as BlockT>::Extrinsic,
					block_hash: <Block as BlockT>::Hash,
				) -> TransactionValidity {
					Executive::validate_transaction(source, tx, block_hash)
				}
			}

			impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
				fn offchain_worker(header: &<Block as BlockT>::Header) {
					Executive::offchain_worker(header)
				}
			}

			impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
				fn slot_duration() -> sp_consensus_aura::SlotDuration {
					sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
				}

				fn authorities() -> Vec<AuraId> {
					pallet_aura::Authorities::<Runtime>::get().into_inner()
				}
			}

			impl sp_session::SessionKeys<Block> for Runtime {
				fn generate_session_keys(
					owner: Vec<u8>,
					seed: Option<Vec<u8>>,
				) -> sp_session::OpaqueGeneratedSessionKeys {
					SessionKeys::generate(&owner, seed).into()
				}

				fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
					SessionKeys::decode_into_raw_public_keys(&encoded)
				}
			}

			$($consensus)*

			impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
				fn account_nonce(account: AccountId) -> Nonce {
					System::account_nonce(account)
				}
			}

			impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
				fn query_info(
					uxt: <Block as BlockT>::Extrinsic,
					len: u32,
				) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
					TransactionPayment::query_info(uxt, len)
				}
				fn query_fee_details(
					uxt: <Block as BlockT>::Extrinsic,
					len: u32,
				) -> pallet_transaction_payment::FeeDetails<Balance> {
					TransactionPayment::query_fee_details(uxt, len)
				}
				fn query_weight_to_fee(weight: Weight) -> Balance {
					TransactionPayment::weight_to_fee(weight)
				}
				fn query_length_to_fee(length: u32) -> Balance {
					TransactionPayment::length_to_fee(length)
				}
			}

			impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
				for Runtime
			{
				fn query_call_info(
					call: RuntimeCall,
					len: u32,
				) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
					TransactionPayment::query_call_info(call, len)
				}
				fn query_call_fee_details(
					call: RuntimeCall,
					len: u32,
				) -> pallet_transaction_payment::FeeDetails<Balance> {
					TransactionPayment::query_call_fee_details(call, len)
				}
				fn query_weight_to_fee(weight: Weight) -> Balance {
					TransactionPayment::weight_to_fee(weight)
				}
				fn query_length_to_fee(length: u32) -> Balance {
					TransactionPayment::length_to_fee(length)
				}
			}

			impl pallet_departments::runtime_api::DepartmentsApi<Block, AccountId, BlockNumber> for Runtime {
				fn departments() -> Vec<DepartmentInfo<BlockNumber>> {
					Departments::departments_info()
				}

				fn department(id: DepartmentId) -> Option<DepartmentInfo<BlockNumber>> {
					Departments::department_info(id)
				}

				fn department_of(who: AccountId) -> Option<OfficerInfo<AccountId, BlockNumber>> {
					Departments::officer_info(who)
				}

				fn roles_of(department: DepartmentId) -> Vec<Role> {
					Departments::roles_of(department)
				}

				fn officers_of(department: DepartmentId) -> Vec<OfficerInfo<AccountId, BlockNumber>> {
					Departments::officers_of(department)
				}

				fn can_act_as(who: AccountId, role: Role) -> Option<DepartmentId> {
					<Departments as civitas_primitives::RoleAuthority<AccountId>>::department_with_role(&who, role)
				}
			}

			impl pallet_civic_identity::runtime_api::CivicIdentityApi<Block, AccountId, BlockNumber> for Runtime {
				fn verify_credential(credential: CredentialId) -> Option<CredentialVerification<BlockNumber>> {
					CivicIdentity::verify(credential)
				}

				fn verify_presentation(credential: CredentialId, holder: SubjectId) -> Option<CredentialVerification<BlockNumber>> {
					CivicIdentity::verify_presentation(credential, holder)
				}

				fn credentials_of(subject: SubjectId) -> Vec<CredentialVerification<BlockNumber>> {
					CivicIdentity::credentials_of(subject)
				}

				fn subject(subject: SubjectId) -> Option<SubjectInfo<AccountId, BlockNumber>> {
					CivicIdentity::subject_info(subject)
				}

				fn subject_of(account: AccountId) -> Option<SubjectId> {
					CivicIdentity::linked_subject(&account)
				}

				fn pending_link(account: AccountId) -> Option<PendingLink<AccountId, BlockNumber>> {
					CivicIdentity::pending_link(&account)
				}

				fn schemas() -> Vec<SchemaInfo<BlockNumber>> {
					CivicIdentity::schemas_info()
				}
			}

			impl pallet_credit_records::runtime_api::CreditRecordsApi<Block, AccountId, BlockNumber> for Runtime {
				fn credit_profile(subject: SubjectId) -> CreditProfileInfo {
					CreditRecords::credit_profile(subject)
				}

				fn record(id: RecordId) -> Option<RecordInfo<AccountId, BlockNumber>> {
					CreditRecords::record_info(id)
				}

				fn records_of(subject: SubjectId) -> Vec<RecordInfo<AccountId, BlockNumber>> {
					CreditRecords::records_of(subject)
				}

				fn publication_limit(category: CreditCategory) -> BlockNumber {
					CreditRecords::publication_limit(category)
				}
			}

			impl pallet_e_bills::runtime_api::EBillsApi<Block, BlockNumber> for Runtime {
				fn bill(id: BillId) -> Option<BillInfo<BlockNumber>> {
					EBills::bill_info(id)
				}

				fn bills_of_payer(payer: SubjectId, start_after: Option<BillId>, limit: u32) -> Vec<BillInfo<BlockNumber>> {
					EBills::bills_of_payer(payer, start_after, limit)
				}

				fn bills_of_issuer(issuer: Issuer, start_after: Option<BillId>, limit: u32) -> Vec<BillInfo<BlockNumber>> {
					EBills::bills_of_issuer(issuer, start_after, limit)
				}

				fn reimbursement_status(id: BillId) -> Option<ReimbursementStatus> {
					EBills::reimbursement_status(id)
				}
			}

			impl pallet_real_estate::runtime_api::RealEstateApi<Block, AccountId, BlockNumber> for Runtime {
				fn property(id: PropertyId) -> Option<PropertyInfo> {
					RealEstate::property_info(id)
				}

				fn property_by_cadastre(cadastral_ref: Vec<u8>) -> Option<PropertyId> {
					RealEstate::property_by_cadastre(cadastral_ref)
				}

				fn properties_of(subject: SubjectId, start_after: Option<PropertyId>, limit: u32) -> Vec<Holding> {
					RealEstate::properties_of(subject, start_after, limit)
				}

				fn title_history(id: PropertyId, start_after: Option<u32>, limit: u32) -> Vec<TitleEntryInfo<BlockNumber>> {
					RealEstate::title_history(id, start_after, limit)
				}

				fn encumbrances(id: PropertyId) -> Vec<Encumbrance<BlockNumber>> {
					RealEstate::encumbrances_of(id)
				}

				fn licences(id: PropertyId) -> Vec<Licence<BlockNumber>> {
					RealEstate::licences_of(id)
				}

				fn verify_licence(property: PropertyId, document_hash: H256) -> Option<LicenceVerification<BlockNumber>> {
					RealEstate::verify_licence(property, document_hash)
				}

				fn transfer_status(id: PropertyId) -> Option<TransferInfo<AccountId, BlockNumber>> {
					RealEstate::transfer_status(id)
				}
			}

			impl pallet_fund_grants::runtime_api::FundGrantsApi<Block, AccountId, BlockNumber> for Runtime {
				fn program(id: ProgramId) -> Option<ProgramInfo<AccountId, BlockNumber>> {
					FundGrants::program_info(id)
				}

				fn application(id: ApplicationId) -> Option<ApplicationInfo<BlockNumber>> {
					FundGrants::application_info(id)
				}

				fn applications_of(subject: SubjectId, start_after: Option<ApplicationId>, limit: u32) -> Vec<ApplicationInfo<BlockNumber>> {
					FundGrants::applications_of(subject, start_after, limit)
				}

				fn applications_of_program(program: ProgramId, start_after: Option<ApplicationId>, limit: u32) -> Vec<ApplicationInfo<BlockNumber>> {
					FundGrants::applications_of_program(program, start_after, limit)
				}
			}

			impl pallet_access_log::runtime_api::AccessLogApi<Block, AccountId, BlockNumber> for Runtime {
				fn purposes() -> Vec<PurposeInfo> {
					AccessLog::purposes_info()
				}

				fn accesses_of(subject: SubjectId, from: Option<BlockNumber>, to: Option<BlockNumber>, start_after: Option<AccessId>, limit: u32) -> Vec<SubjectAccessInfo<AccountId, BlockNumber>> {
					AccessLog::accesses_of(subject, from, to, start_after, limit)
				}

				fn accesses_of_account(account: AccountId, from: Option<BlockNumber>, to: Option<BlockNumber>, start_after: Option<AccessId>, limit: u32) -> Vec<SubjectAccessInfo<AccountId, BlockNumber>> {
					AccessLog::accesses_of_account(account, from, to, start_after, limit)
				}

				fn accesses_by_department(department: DepartmentId, purpose: PurposeCode, start_after: Option<AccessId>, limit: u32) -> Vec<AccessInfo<AccountId, BlockNumber>> {
					AccessLog::accesses_by_department(department, purpose, start_after, limit)
				}

				fn access(access: AccessId) -> Option<AccessInfo<AccountId, BlockNumber>> {
					AccessLog::access_info(access)
				}

				fn covering_access(subject: SubjectId, kind: RecordKind, department: DepartmentId, since: BlockNumber) -> Option<SubjectAccessInfo<AccountId, BlockNumber>> {
					AccessLog::covering_access(subject, kind, department, since)
				}
			}

			impl pallet_council::runtime_api::CouncilApi<Block, AccountId, BlockNumber> for Runtime {
				fn members() -> Vec<DepartmentId> {
					Council::members()
				}

				fn policy() -> Vec<ClassPolicy> {
					Council::policy()
				}

				fn motions() -> Vec<MotionInfo<AccountId, BlockNumber>> {
					Council::motions()
				}

				fn motion(id: MotionId) -> Option<MotionInfo<AccountId, BlockNumber>> {
					Council::motion(id)
				}

				fn paused() -> Vec<Pause<BlockNumber>> {
					Council::paused()
				}
			}

			impl pallet_validators::runtime_api::ValidatorsApi<Block, AccountId, BlockNumber> for Runtime {
				fn validator_set() -> ValidatorSet<AccountId, BlockNumber> {
					use polkadot_sdk::pallet_session;
					let next = pallet_session::QueuedKeys::<Runtime>::get()
						.into_iter()
						.map(|(account, _)| account)
						.collect();
					Validators::validator_set(
						pallet_session::CurrentIndex::<Runtime>::get(),
						pallet_session::Validators::<Runtime>::get(),
						next,
					)
				}

				fn key_ownership_proof(key_type: [u8; 4], key: Vec<u8>) -> Option<Vec<u8>> {
					key_ownership_proof(KeyTypeId(key_type), &key)
				}
			}

			$($other)*

			#[cfg(feature = "runtime-benchmarks")]
			impl polkadot_sdk::frame_benchmarking::Benchmark<Block> for Runtime {
				fn benchmark_metadata(extra: bool) -> (
					Vec<polkadot_sdk::frame_benchmarking::BenchmarkList>,
					Vec<polkadot_sdk::frame_support::traits::StorageInfo>,
				) {
					crate::benchmarks::metadata(extra)
				}

				fn dispatch_benchmark(
					config: polkadot_sdk::frame_benchmarking::BenchmarkConfig,
				) -> Result<Vec<polkadot_sdk::frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
					crate::benchmarks::dispatch(config)
				}
			}

			impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
				fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
					build_state::<RuntimeGenesisConfig>(config)
				}

				fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
					get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
				}

				fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
					crate::genesis_config_presets::preset_names()
				}
			}
		}
	};
}
