//! The message catalogue: every UI text, in every language. Components name a [`Msg`]; they
//! never hold UI text themselves. A new message fails to compile until each language has it.

use consentry_model::Lang;

/// Every message of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
    AppName,
    Language,
    Loading,
    Saving,
    Save,
    Saved,
    Remove,
    SkipToContent,
    // Errors
    ErrorNetwork,
    ErrorUnexpected,
    ErrorSessionExpired,
    ErrorForbidden,
    ErrorNotFound,
    ErrorTooManyRequests,
    ErrorInvalidCredentials,
    ErrorCrossSite,
    ErrorConflictEmail,
    ErrorConflictSlug,
    ErrorAlreadySetUp,
    ErrorLastAdministrator,
    ErrorCannotRemoveSelf,
    FixFields,
    // Sign-in
    SignIn,
    SignInTitle,
    SignInIntro,
    SigningIn,
    SignOut,
    Email,
    Password,
    // First run
    FirstRunTitle,
    FirstRunIntro,
    OrganisationSection,
    OrganisationName,
    OrganisationSlug,
    OrganisationSlugHint,
    AdministratorSection,
    YourName,
    PasswordHint,
    CreateOrganisation,
    Creating,
    // Shell
    MainNavigation,
    NavGroupConsent,
    NavGroupCompliance,
    NavGroupOrganisation,
    NavComplianceSettings,
    NavUsers,
    UserMenu,
    YourAccount,
    SignedInAs,
    // Account
    AccountTitle,
    Organisation,
    ProfileLabel,
    PermissionsLabel,
    SessionEnds,
    // Users
    UsersTitle,
    UsersIntro,
    Name,
    AddUser,
    AddUserIntro,
    InitialPassword,
    Adding,
    UserAdded,
    UserRemoved,
    ProfileChanged,
    ConfirmRemoveUser,
    You,
    // Compliance settings
    ComplianceTitle,
    ComplianceIntro,
    LocaleTitle,
    LocaleIntro,
    OrganisationLanguage,
    OrganisationLanguageHint,
    TimeZone,
    SaveLocale,
    TemplateLanguage,
    LanguageNotSaid,
    SampleValues,
    ImportFormatsHint,
    ShowImportedRecords,
    OnlyImportedFrom,
    OnlyOneImport,
    UnknownImport,
    RemoveImportFilter,
    ControllerTitle,
    ControllerIntro,
    ControllerContact,
    ControllerStreet,
    ControllerPostalCode,
    ControllerLocality,
    ControllerCountry,
    ControllerCountryHint,
    ControllerEmail,
    ControllerPhone,
    ControllerUrl,
    SaveController,
    EnableCompliance,
    EnableComplianceHint,
    WaitingPeriod,
    WaitingPeriodHint,
    ProcessingWhilePending,
    ProcessingAllow,
    ProcessingRestrict,
    DoubleOptIn,
    DoubleOptInHint,
    Retention,
    RetentionHint,
    RetentionKeep,
    RetentionDays,
    Days,
    NavRecords,
    NavOverview,
    NavAudit,
    ErrorStopProcessing,
    ErrorComplianceDisabled,
    ErrorCountChanged,
    RecordsTitle,
    RecordsIntro,
    Filters,
    Module,
    AllModules,
    /// The module filter's choice for a module the address names that does not exist (any more).
    UnknownModule,
    LegalBasisLabel,
    AllBases,
    ConsentStatusLabel,
    AllStatuses,
    DataSourceLabel,
    AllSources,
    Search,
    SearchHint,
    ApplyFilters,
    NoRecords,
    LoadMore,
    NewRecord,
    FirstName,
    LastName,
    Phone,
    Company,
    Country,
    CreateRecord,
    BulkTitle,
    BulkIntro,
    NewBasis,
    LawfulReason,
    LawfulReasonRequired,
    ReasonHintBalancingTest,
    ReasonHintLaw,
    ReasonHintPublicTask,
    ReasonHintVitalInterest,
    ReasonHintContract,
    ConfirmBasisOne,
    ConfirmBasisMany,
    NoReasonGiven,
    WarningContractWithoutReason,
    ConfirmChangeBasis,
    Cancel,
    ChangeBasis,
    BulkDone,
    Fields,
    SaveChanges,
    DataPrivacy,
    NotTracked,
    ConsentDate,
    ConsentThroughLabel,
    ContactThrough,
    ConsentRemarks,
    MailSent,
    StopProcessingBadge,
    CreatedLabel,
    UpdatedLabel,
    ConsentByHand,
    History,
    NoValue,
    DeleteRecord,
    ConfirmDeleteRecord,
    BasisChanged,
    BackToRecords,
    ModulesTitle,
    ModulesIntro,
    OverviewTitle,
    OverviewIntro,
    NotApplicableCount,
    WithBasisCount,
    PerBasisChart,
    ConsentChart,
    ChangesChart,
    AuditTitle,
    AuditIntro,
    VerifyChain,
    ChainIntact,
    ChainBroken,
    ChainRedacted,
    ChainCheckedAgainst,
    ChainNoCheckpoint,
    SignCheckpoint,
    DownloadCheckpoint,
    CheckpointIntro,
    NewestCheckpoint,
    NoCheckpointYet,
    AuditDetails,
    DetailRedacted,
    When,
    Who,
    Action,
    Subject,
    AddModule,
    ModuleName,
    ModuleAdded,
    ErrorModuleTaken,
    AllActions,
    ImportRecords,
    ImportTitle,
    ImportIntro,
    CsvFile,
    ColumnMappingTitle,
    Column,
    Field,
    Ignore,
    StartImport,
    ImportProgressLabel,
    ImportFinished,
    ImportFailed,
    ImportInterrupted,
    ImportInterruptedHandled,
    ImportInterruptedFrom,
    ImportInterruptedAgain,
    ImportedCount,
    RefusedCount,
    RowErrors,
    Row,
    Reason,
    ChooseFileFirst,
    Yes,
    /// Label: where the mail confirming an erasure stands.
    ErasureConfirmationLabel,
    /// A background job that imports a file.
    JobImport,
    /// A background job that sends a consent request to a list.
    JobBulkSend,
    No,
    Unset,
    FieldsLink,
    ModuleFieldsTitle,
    ModuleFieldsIntro,
    FieldLabel,
    FieldKey,
    FieldKindLabel,
    FieldOptions,
    FieldOptionsHint,
    FieldRequired,
    PersonalLabel,
    StandardBadge,
    AddField,
    FieldAdded,
    ConfirmDeleteField,
    PersonalFieldsCount,
    PersonalFieldsValue,
    SensitiveFieldsValue,
    DataSubjectRequests,
    NoRequests,
    FileRequest,
    RequestTypeLabel,
    RequestSourceLabel,
    RequestedBy,
    ReceivedOn,
    DueOn,
    RequestStatusLabel,
    RequestDetails,
    RequestFiled,
    FileRequestButton,
    NavConsentForms,
    FormsIntro,
    FormName,
    CreateForm,
    FormLinkName,
    FormLanguages,
    NotPublished,
    PublishedVersion,
    UnpublishedChanges,
    SaveDraft,
    Publish,
    RevertToPublished,
    Preview,
    EditedLanguage,
    AddLanguage,
    LanguageToAdd,
    LanguageUntranslated,
    UntranslatedNotice,
    MarkTranslated,
    PublishUntranslatedTitle,
    PublishUntranslatedBody,
    PublishAnyway,
    DefaultLanguage,
    PurposesHeading,
    PurposeKey,
    PurposeRequired,
    PurposeCategoryLabel,
    AddPurpose,
    PurposeTitle,
    PurposeDescription,
    FormTitleLabel,
    FormIntroLabel,
    ChannelsHeadingLabel,
    RequiredLabelLabel,
    ConsentStatementLabel,
    PrivacyStatementLabel,
    SubmitLabelLabel,
    StopLabelLabel,
    ThanksLabel,
    PolicyUrl,
    LogoUrl,
    BrandColour,
    ShownChannels,
    ChannelLabelFor,
    DraftSaved,
    FormPublishedMsg,
    DraftReverted,
    TextsHeading,
    AppearanceHeading,
    ConsentRequestTitle,
    ConsentRequestHint,
    FormToSend,
    SendConsentRequest,
    NoPublishedForms,
    NavOutbox,
    EvidenceReport,
    SendDataRequestLink,
    DataRequestLinkDone,
    SubjectAsked,
    ApplyCorrection,
    CorrectionApplied,
    StopRecords,
    StopRecordsHint,
    OverridingGrounds,
    DecideObjection,
    ObjectionHint,
    ResumeTitle,
    ResumeReason,
    ResumeProcessing,
    ReviewExport,
    SendExport,
    ExportHint,
    ExportSent,
    EraseSubject,
    EraseHint,
    ConfirmErase,
    SubjectErasedTold,
    SubjectErasedNoSmtp,
    SubjectErasedNotDelivered,
    SubjectErasedRetrying,
    SendConsentRequests,
    BulkConsentConfirmBody,
    ConfirmDeleteRecordTitle,
    DeleteOneRecord,
    ConfirmationDelivered,
    ConfirmationRetrying,
    ConfirmationFailed,
    ConfirmationInterrupted,
    ConfirmationNoSmtp,
    ConfirmationNoAddress,
    ReasonErasure,
    ReasonNotConfirmed,
    ReasonStopRequested,
    ReasonObjected,
    ReasonResumed,
    StepVerify,
    StepStart,
    StepComplete,
    StepReject,
    StepExtend,
    StepExportQueued,
    ReasonRectification,
    SearchText,
    SubjectErasedNoAddress,
    EncryptionColumn,
    EncryptedLabel,
    EncryptionOff,
    EncryptionOn,
    EncryptionEncrypting,
    EncryptionDecrypting,
    EncryptionNotPossible,
    EncryptionHint,
    EncryptionJobsTitle,
    JobEncrypt,
    JobDecrypt,
    JobRotate,
    JobDone,
    JobFailed,
    MaskedTitle,
    MaskedIntro,
    Reveal,
    NotSearchedPrefix,
    NotSearchedSuffix,
    HandlingTitle,
    HandlingHint,
    DestinationExports,
    DestinationApi,
    DestinationWebhooks,
    ExcludeNone,
    ExcludeSensitive,
    ExcludeAllPersonal,
    ExcludeChosen,
    LeftOutColumn,
    ExportCsv,
    ExportJson,
    CsvSeparatorLabel,
    ExportHintList,
    ShortExports,
    ShortApi,
    ShortWebhooks,
    NavApiKeys,
    ApiKeysTitle,
    ApiKeysIntro,
    ApiKeyShownOnce,
    ApiKeyUsage,
    ApiKeyRevoked,
    NoApiKeys,
    ConfirmRevokeKey,
    ConfirmRemoveWebhook,
    ScopeRecordsRead,
    ScopeRecordsWrite,
    ScopeSettingsRead,
    ScopeConsentRead,
    ScopeConsentWrite,
    ScopeDsrRead,
    ScopeDsrWrite,
    ApiKeyPrefix,
    Scopes,
    LastUsed,
    NeverUsed,
    Revoked,
    Revoke,
    CreateApiKey,
    ApiKeyName,
    ApiReference,
    WebhooksTitle,
    WebhooksIntro,
    WebhookSecretOnce,
    WebhookLegacySecret,
    WebhookUrl,
    WebhookEvents,
    AddWebhook,
    DeliveryLog,
    Refresh,
    DeliveryState,
    Attempts,
    ReceiverAnswer,
    DeliveryPending,
    DeliveryDelivered,
    DeliveryDead,
    RetryDelivery,
    DeliveryRetried,
    FailureTargetNotAllowed,
    FailureConnect,
    FailureTimeout,
    FailureRedirected,
    FailurePayload,
    EventConsentChanged,
    EventBasisChanged,
    EventDsrCreated,
    EventDsrCompleted,
    EventRecordErased,
    EventAuditCheckpoint,
    NavRequests,
    RequestsIntro,
    AnyType,
    AnyStatus,
    Overdue,
    DueSoon,
    NoQueue,
    RecordsFound,
    RequestTitle,
    Deadline,
    ExtendedBecause,
    RejectedBecause,
    ClosedBy,
    RequestMessages,
    NoLinkedRecords,
    VerifyRequest,
    StartRequest,
    CompleteRequest,
    RejectRequest,
    ExtendRequest,
    ReasonLabel,
    MonthsLabel,
    OneMonth,
    TwoMonths,
    RequestUpdated,
    OpenRequests,
    OverdueRequests,
    SignUpTitle,
    SignUpIntro,
    SignUpModule,
    SignUpOff,
    SignUpNoModules,
    DoubleOptInLabel,
    DoubleOptInDefaultOn,
    DoubleOptInDefaultOff,
    DoubleOptInAlways,
    DoubleOptInNever,
    SaveSignUp,
    WidgetTitle,
    WidgetIntro,
    WidgetOrigins,
    WidgetConsentMode,
    SaveWidget,
    WidgetSaved,
    WidgetBannerSnippet,
    WidgetInlineSnippet,
    WidgetNeedsPublish,
    WidgetNoOrigins,
    WidgetDecisions,
    WidgetAcceptedAll,
    WidgetRejectedAll,
    WidgetWithGpc,
    WidgetLogHeading,
    WidgetLogReceipt,
    WidgetLogFind,
    WidgetLogDecision,
    WidgetLogGranted,
    WidgetLogSite,
    WidgetLogEmpty,
    WidgetConsentDomain,
    WidgetConsentDomainHint,
    WidgetLifetime,
    WidgetLifetimeDays,
    WidgetRefusalDays,
    WidgetElsewhere,
    WidgetElsewhereHint,
    WidgetCookies,
    WidgetCookiesHint,
    WidgetCookiesOf,
    WidgetTags,
    WidgetAdvanced,
    WidgetAdsDataRedaction,
    WidgetUrlPassthrough,
    WidgetWaitForUpdate,
    WidgetMicrosoftUet,
    WidgetMarkupHeading,
    WidgetMarkupHint,
    WidgetFiguresHeading,
    WidgetFiguresHint,
    WidgetFiguresEmpty,
    WidgetFiguresCsv,
    WidgetShown,
    WidgetCustomised,
    WidgetOptInRate,
    WidgetVersion,
    WidgetRegionTesting,
    WidgetLogRule,
    SignUpSaved,
    SignUpAddress,
    SignUpNeedsPublish,
    NavTemplates,
    TemplatesIntro,
    NoTemplates,
    NewTemplate,
    EditTemplate,
    TemplateName,
    TemplateSubject,
    TemplateText,
    TemplateHtml,
    TemplateHtmlHint,
    MergeFieldsLabel,
    SaveTemplate,
    DeleteTemplate,
    ConfirmDeleteTemplate,
    TemplateSaved,
    PreviewTitle,
    PreviewSearch,
    PreviewRecord,
    ShowPreview,
    PreviewLinkNote,
    HtmlPreview,
    NoMatchingRecords,
    TemplateToSend,
    BuiltInMessage,
    UpdatedAt,
    OutboxIntro,
    OutboxNoSmtp,
    Recipient,
    MessageSubject,
    DeliveryLabel,
    CreatedAt,
    EmptyOutbox,
    DeliveryStored,
    DeliveryQueued,
    DeliverySent,
    DeliveryFailed,
    OutboxSmtp,
    BulkConsentTitle,
    BulkConsentIntro,
    ConfirmBulkConsent,
    BulkConsentProgress,
    MinutesLeft,
    UnderAMinuteLeft,
    Copy,
    Copied,
    CopyRefused,
    SigningSecret,
    AreaNotLoadedTitle,
    AreaNotLoaded,
    ReloadPage,
    LanguageNotLoaded,
    PageNotFound,
    PageNotFoundHint,
    GoToStart,
    BulkConsentSkipped,
    SkipNoEmail,
    /// Skip reason: the record was deleted while the bulk request ran.
    SkipDeleted,
    SkipStopProcessing,
    SkipDenied,
    SkipNotConsent,
    SkipCompliance,
    SkipEmailHidden,
    SkipOther,
    SkipAnswered,
    KindConsentRequest,
    KindSignUpConfirmation,
    KindPrivacyCentreCode,
    KindRequestNotice,
    KindExportLink,
    KindOther,
    MessageKindLabel,
    OutboxMessagesRetried,
    OutboxMessageRetried,
    OutboxMessageRenewed,
    HandedOverTitle,
    HandedOverHint,
    OutboxFailedCount,
    RetryFailed,
    RetryMessage,
    HandOver,
    NextAttempt,
    MessageReplaced,
    BulkConsentRequested,
    BulkConsentQueued,
    BulkConsentStored,
    BulkConsentDelivered,
    BulkConsentFailed,
    BulkConsentUndelivered,
    BulkConsentInterrupted,
    ConsentRequestStoredMsg,
    ConsentRequestQueuedMsg,
    ConsentRequestDeliveredMsg,
    ConsentRequestFailedMsg,
    RequestQueued,
    RequestStored,
    RequestDelivered,
    RequestFailed,
    ConsentRequestLabel,
    SkipAskedSince,
    SkipAskedSinceLabel,
    SkipAskedSinceHint,
    BulkConsentAskRest,
    BulkConsentSkippingSince,
    ReportTitle,
    ReportRequestId,
    ReportRight,
    ReportReceivedThrough,
    ReportDueOn,
    ReportExtendedTo,
    ReportClosedOn,
    ReportToldRequester,
    ReportWrittenAt,
    ReportEveryStep,
    ReportEntryHash,
    ReportChainIntro,
    ReportChainIntact,
    ReportChainRedacted,
    ReportCheckpointMatch,
    ReportNoCheckpoint,
    ReportChainBroken,
    ReportGenerated,
    ProblemEntryChanged,
    ProblemEntryMissing,
    ProblemDetailChanged,
    ProblemDetailMissing,
    ProblemTruncated,
    ProblemRehashed,
    ProblemEmptied,
    ProblemCheckpointInvalid,
    NavRetention,
    RetentionIntro,
    RetentionReviewed,
    RetentionOff,
    RetentionLastReview,
    RetentionNeverReviewed,
    RetentionAutoErase,
    RetentionAutoEraseHint,
    RetentionReviewNow,
    RetentionErasedCount,
    RetentionKeptCount,
    RetentionConfirmTitle,
    RetentionEraseButton,
    RetentionConfirmBody,
    RetentionFound,
    RetentionReason,
    RecordCount,
    RetentionAllReasons,
    RetentionNothing,
    RetentionSince,
    LapseNoBasis,
    LapseNotResponded,
    LapseWithdrawn,
    LapseDenied,
    LapseContractEnded,
    RecordRetention,
    RecordRetentionHint,
    LegalHold,
    LegalHoldReason,
    ContractEndedOn,
    ErrorLegalHold,
    ErrorNoRetentionPeriod,
    RenewalDue,
    RenewalDueCount,
    ConsentRenewal,
    ConsentRenewalHint,
    ConsentAges,
    ConsentLifetimeDays,
    RenewalGraceDays,
    SelectRow,
    SelectPage,
    Columns,
    ColumnsShown,
    OfTotal,
    Pages,
    RowsPerPage,
    PreviousPage,
    NextPage,
    Dismiss,
    AskForConsent,
    Export,
    ScopeAllMatching,
    ScopeSelected,
    ClearSelection,
    RecordActions,
    ClosePanel,
    ClearFilters,
    ReviewChange,
    Actions,
    SequenceNumber,
    AuditEntries,
    Anyone,
    FromDay,
    UntilDay,
    AuditDaysHint,
    NoAuditEntries,
    RequestsInList,
    Gpc,
    Changes,
    Day,
    ShowTheNumbers,
    NearestDeadlines,
    NoOpenRequests,
    AllRequests,
    UntilBeforeFrom,
    RecordPageTitle,
    FormPageTitle,
    SortNewestFirst,
}

/// Declares the frame's messages once: [`FRAME`] lists them, `frame!()` matches them.
macro_rules! frame_messages {
    ($($msg:ident),* $(,)?) => {
        /// The messages the admin app's frame shows before any area opens (sign-in, the top
        /// bar and side navigation, errors, a page not found): each language has them in a
        /// small catalogue of their own ([`en_frame`], [`nl_frame`], ...), fetched before the
        /// rest of the language.
        pub const FRAME: &[Msg] = &[$(Msg::$msg),*];

        /// A pattern matching every message of [`FRAME`].
        macro_rules! frame {
            () => {
                $(Msg::$msg)|*
            };
        }
    };
}

frame_messages!(
    AppName,
    Language,
    Loading,
    SkipToContent,
    ErrorNetwork,
    ErrorUnexpected,
    ErrorSessionExpired,
    ErrorForbidden,
    ErrorNotFound,
    ErrorTooManyRequests,
    ErrorInvalidCredentials,
    ErrorCrossSite,
    ErrorConflictEmail,
    ErrorConflictSlug,
    ErrorAlreadySetUp,
    ErrorLastAdministrator,
    ErrorCannotRemoveSelf,
    FixFields,
    SignIn,
    SignInTitle,
    SignInIntro,
    SigningIn,
    SignOut,
    Email,
    Password,
    MainNavigation,
    NavGroupConsent,
    NavGroupCompliance,
    NavGroupOrganisation,
    NavComplianceSettings,
    NavUsers,
    UserMenu,
    YourAccount,
    SignedInAs,
    NavRecords,
    NavOverview,
    NavAudit,
    ErrorStopProcessing,
    ErrorComplianceDisabled,
    ErrorCountChanged,
    ErrorModuleTaken,
    NavConsentForms,
    NavTemplates,
    NavRequests,
    NavApiKeys,
    NavOutbox,
    AreaNotLoadedTitle,
    AreaNotLoaded,
    ReloadPage,
    LanguageNotLoaded,
    PageNotFound,
    PageNotFoundHint,
    GoToStart,
    NavRetention,
    ErrorLegalHold,
    ErrorNoRetentionPeriod,
    Dismiss,
);

/// The text of `msg` in `lang`.
#[cfg(not(all(feature = "on-demand", target_family = "wasm")))]
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => en(msg),
        Lang::Nl => nl(msg),
        Lang::De => de(msg),
        Lang::Fr => fr(msg),
    }
}

/// The text of `msg` in `lang`, once that language's catalogue is installed; until then its
/// frame's text ([`FRAME`]), once that is installed, else the frame's English (in the first
/// load).
#[cfg(all(feature = "on-demand", target_family = "wasm"))]
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match on_demand::installed(lang) {
        Some(words) => words(msg),
        None => on_demand::frame(lang)
            .and_then(|frame| frame(msg))
            .or_else(|| en_frame(msg))
            .unwrap_or_default(),
    }
}

/// One language's messages.
pub type Catalogue = fn(Msg) -> &'static str;

/// One language's frame messages ([`FRAME`]); `None` for any other.
pub type FrameCatalogue = fn(Msg) -> Option<&'static str>;

/// Catalogues installed while the admin app runs: only the frame's English ([`en_frame`]) is
/// compiled into its first load. The app fetches another language's frame messages
/// ([`nl_frame`], [`de_frame`], [`fr_frame`]) when its reader opens it, and a language's
/// messages ([`en`], [`nl`], [`de`], [`fr`]) with the first area opened in it or when a reader
/// chooses it; each lives in a module of its own and is installed here.
#[cfg(all(feature = "on-demand", target_family = "wasm"))]
pub mod on_demand {
    use std::sync::OnceLock;

    use consentry_model::Lang;

    use super::{Catalogue, FrameCatalogue};

    static INSTALLED: [OnceLock<Catalogue>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];

    static FRAMES: [OnceLock<FrameCatalogue>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];

    fn index(lang: Lang) -> usize {
        Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
    }

    /// The catalogue of `lang`, if it is there.
    pub fn installed(lang: Lang) -> Option<Catalogue> {
        INSTALLED[index(lang)].get().copied()
    }

    /// Makes `words` the catalogue of `lang`.
    pub fn install(lang: Lang, words: Catalogue) {
        let _ = INSTALLED[index(lang)].set(words);
    }

    /// The frame messages of `lang`, if they are there.
    pub fn frame(lang: Lang) -> Option<FrameCatalogue> {
        FRAMES[index(lang)].get().copied()
    }

    /// Makes `words` the frame messages of `lang`.
    pub fn install_frame(lang: Lang, words: FrameCatalogue) {
        let _ = FRAMES[index(lang)].set(words);
    }
}

/// The English of the frame's messages ([`FRAME`]): compiled into the admin app's first load,
/// while the rest of [`en`] arrives with the first area (see `on_demand`).
pub fn en_frame(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        AppName => "Consentry",
        Language => "Language",
        Loading => "Loading…",
        SkipToContent => "Skip to content",
        ErrorNetwork => "Consentry cannot be reached. Check your connection and try again.",
        ErrorUnexpected => "Something went wrong on our side. Try again in a moment.",
        ErrorSessionExpired => "Your session has ended. Sign in again.",
        ErrorForbidden => "Your profile does not allow this. Ask an administrator.",
        ErrorNotFound => "This item does not exist (any more).",
        ErrorTooManyRequests => "Too many attempts. Wait a few minutes and try again.",
        ErrorInvalidCredentials => "Wrong e-mail address or password.",
        ErrorCrossSite => "This change was refused for your safety. Reload the page and try again.",
        ErrorConflictEmail => "A user with this e-mail address exists already.",
        ErrorConflictSlug => "Another organisation uses this short name. Choose another.",
        ErrorAlreadySetUp => "Consentry is already set up. Sign in instead.",
        ErrorLastAdministrator => {
            "This is the only administrator. Make another user administrator first."
        }
        ErrorCannotRemoveSelf => "You cannot remove yourself. Ask another administrator.",
        FixFields => "Check the marked fields.",
        SignIn => "Sign in",
        SignInTitle => "Sign in to Consentry",
        SignInIntro => "Manage legal bases, consent and data subject requests.",
        SigningIn => "Signing in…",
        SignOut => "Sign out",
        Email => "E-mail address",
        Password => "Password",
        MainNavigation => "Main navigation",
        NavGroupConsent => "Consent",
        NavGroupCompliance => "Compliance",
        NavGroupOrganisation => "Organisation",
        NavComplianceSettings => "Compliance Settings",
        NavUsers => "Users",
        UserMenu => "User menu",
        YourAccount => "Your account",
        SignedInAs => "Signed in as",
        NavRecords => "Records",
        NavOverview => "Overview",
        NavAudit => "Audit trail",
        ErrorStopProcessing => {
            "Processing is stopped for this record (GDPR art. 18); it is read-only."
        }
        ErrorComplianceDisabled => {
            "Compliance is off for this module. Enable it under Setup › Compliance Settings first."
        }
        ErrorCountChanged => {
            "The number of matching records changed meanwhile. Nothing was changed; check the list and try again."
        }
        ErrorModuleTaken => "A module with this name exists already.",
        NavConsentForms => "Consent forms",
        NavTemplates => "E-mail templates",
        NavRequests => "Requests",
        NavApiKeys => "API keys and webhooks",
        NavOutbox => "Outbox",
        AreaNotLoadedTitle => "This page could not be opened",
        AreaNotLoaded => {
            "Its code did not arrive: the connection dropped, or Consentry was updated since you opened it. Reload to continue; nothing you saved is lost."
        }
        ReloadPage => "Reload page",
        LanguageNotLoaded => {
            "This language could not be loaded. Check the connection and choose it again."
        }
        PageNotFound => "Page not found",
        PageNotFoundHint => "This address is not a page of Consentry (any more).",
        GoToStart => "Go to your start page",
        NavRetention => "Retention review",
        ErrorLegalHold => {
            "A record here is under a legal hold, so nothing was erased or deleted: lift the hold in the record's Retention section first (or reject an erasure request, giving the hold's reason)."
        }
        ErrorNoRetentionPeriod => {
            "No retention period is set: set one under Setup › Compliance Settings first."
        }
        Dismiss => "Dismiss",
        _ => return None,
    })
}

/// Every English message.
pub fn en(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        frame!() => en_frame(msg).unwrap_or_default(),
        Saving => "Saving…",
        Save => "Save",
        Saved => "Saved.",
        Remove => "Remove",
        FirstRunTitle => "Welcome to Consentry",
        FirstRunIntro => {
            "Create your organisation (the data controller) and the first administrator."
        }
        OrganisationSection => "Organisation",
        OrganisationName => "Organisation name",
        OrganisationSlug => "Short name",
        OrganisationSlugHint => "Used in public links, such as /privacy/acme-bv.",
        AdministratorSection => "Administrator",
        YourName => "Your name",
        PasswordHint => "At least 10 characters. A short sentence works well.",
        CreateOrganisation => "Create organisation",
        Creating => "Creating…",
        AccountTitle => "Your account",
        Organisation => "Organisation",
        ProfileLabel => "Profile",
        PermissionsLabel => "Permissions",
        SessionEnds => "Session ends",
        UsersTitle => "Users",
        UsersIntro => "Who can use Consentry in your organisation, and what their profile allows.",
        Name => "Name",
        AddUser => "Add user",
        AddUserIntro => "Hand the initial password to the user in person or by phone.",
        InitialPassword => "Initial password",
        Adding => "Adding…",
        UserAdded => "User added.",
        UserRemoved => "User removed.",
        ProfileChanged => "Profile changed.",
        ConfirmRemoveUser => "Their sessions end at once; what they did stays in the audit trail.",
        You => "you",
        ComplianceTitle => "Compliance Settings",
        ComplianceIntro => {
            "Turn on GDPR compliance for your organisation and choose how consent is handled."
        }
        LocaleTitle => "Language and time zone",
        LocaleIntro => {
            "The language you write to data subjects in, and the time zone every page shows moments in. Moments are stored in UTC."
        }
        OrganisationLanguage => "Language of your e-mails",
        OrganisationLanguageHint => {
            "Asking for consent starts at the e-mail template written in this language."
        }
        TimeZone => "Time zone",
        SaveLocale => "Save language and time zone",
        TemplateLanguage => "Written in",
        LanguageNotSaid => "Not said",
        SampleValues => "From the file",
        ImportFormatsHint => {
            "Dates as YYYY-MM-DD (2026-05-25) or DD-MM-YYYY (25-05-2026); yes or no as yes/no, 1/0 or true/false (also ja/nee, oui/non); numbers as 3.5 or 3,5."
        }
        ShowImportedRecords => "Show the records of this import",
        OnlyImportedFrom => "Only the records imported from",
        OnlyOneImport => "Only the records of one import",
        UnknownImport => {
            "No import has this id (the link may have been cut short), so no record is shown"
        }
        RemoveImportFilter => "Remove this filter",
        ControllerTitle => "Controller's details",
        ControllerIntro => {
            "Who is responsible for the personal data and how to reach them (GDPR art. 13). \
             Every consent receipt carries these details, so a consent form can be published \
             only once all of them are filled in."
        }
        ControllerContact => "Contact (person or role)",
        ControllerStreet => "Street and number",
        ControllerPostalCode => "Postal code",
        ControllerLocality => "Town or city",
        ControllerCountry => "Country code",
        ControllerCountryHint => "Two letters, such as NL or BE.",
        ControllerEmail => "E-mail address for privacy questions",
        ControllerPhone => "Phone number",
        ControllerUrl => "Website",
        SaveController => "Save the controller's details",
        EnableCompliance => "Enable GDPR compliance",
        EnableComplianceHint => {
            "Records get a Data Privacy section with a legal basis; new records start as Not Applicable."
        }
        WaitingPeriod => "Waiting period for consent replies",
        WaitingPeriodHint => {
            "After this many days without an answer, consent becomes Not Responded."
        }
        ProcessingWhilePending => "While consent is Pending or Waiting",
        ProcessingAllow => "Keep processing the record",
        ProcessingRestrict => "Restrict processing until consent is obtained",
        DoubleOptIn => "Double opt-in",
        DoubleOptInHint => "Sign-ups must confirm their e-mail address before consent counts.",
        Retention => "Data retention",
        RetentionHint => "How long records are kept (storage limitation, GDPR art. 5(1)(e)).",
        RetentionKeep => "Keep until deleted",
        RetentionDays => "Delete after a number of days",
        Days => "days",
        RecordsTitle => "Records",
        RecordsIntro => "Everyone you hold data about, with the legal basis for processing it.",
        Filters => "Filters",
        Module => "Module",
        AllModules => "All modules",
        UnknownModule => "A module that does not exist",
        LegalBasisLabel => "Data Processing Basis",
        AllBases => "All bases",
        ConsentStatusLabel => "Consent status",
        AllStatuses => "All statuses",
        DataSourceLabel => "Data source",
        AllSources => "All sources",
        Search => "Search",
        SearchHint => "An exact e-mail address, or the start of a first or last name.",
        ApplyFilters => "Apply filters",
        NoRecords => "No records match.",
        LoadMore => "Load more",
        NewRecord => "New record",
        FirstName => "First name",
        LastName => "Last name",
        Phone => "Phone",
        Company => "Company",
        Country => "Country",
        CreateRecord => "Create record",
        BulkTitle => "Change the legal basis",
        BulkIntro => {
            "Applies to the records named above: the selected ones, or every record matching the filters when none is selected; only in modules with compliance enabled. Records whose processing is stopped are left alone."
        }
        NewBasis => "New basis",
        LawfulReason => "Lawful reason",
        LawfulReasonRequired => "Lawful reason (required)",
        ReasonHintBalancingTest => {
            "Legitimate Interests: name the interest and the outcome of your balancing test (why it outweighs the data subject's rights)."
        }
        ReasonHintLaw => {
            "Legal Obligation: name the law that obliges this processing, e.g. art. 52 AWR."
        }
        ReasonHintPublicTask => "Public Interests: name the public task and the law it rests on.",
        ReasonHintVitalInterest => {
            "Vital Interests: whose life or health this protects, and why consent cannot be asked."
        }
        ReasonHintContract => {
            "Recommended: the contract this rests on, e.g. an order or agreement number. Without it the change is saved with a warning."
        }
        ConfirmBasisOne => "Change the legal basis of this record?",
        ConfirmBasisMany => "records will get the new legal basis. Change them?",
        NoReasonGiven => "None given",
        WarningContractWithoutReason => {
            "No contract is named. The change is saved, but a regulator or DPO will ask which contract it rests on."
        }
        ConfirmChangeBasis => "Yes, change the basis",
        Cancel => "Cancel",
        ChangeBasis => "Change basis",
        BulkDone => "Records changed:",
        Fields => "Details",
        SaveChanges => "Save changes",
        DataPrivacy => "Data Privacy",
        NotTracked => {
            "Compliance is off for this module, so the record has no Data Privacy section."
        }
        ConsentDate => "Consent date",
        ConsentThroughLabel => "Consent through",
        ContactThrough => "Contact through",
        ConsentRemarks => "Consent remarks",
        MailSent => "Consent request sent",
        StopProcessingBadge => "Processing stopped",
        CreatedLabel => "Created",
        UpdatedLabel => "Last updated",
        ConsentByHand => "Consent was obtained outside Consentry (e.g. on paper or by phone)",
        History => "Basis and consent history",
        NoValue => "—",
        DeleteRecord => "Delete record",
        ConfirmDeleteRecord => "Delete this record? Its consent history is kept as evidence.",
        BasisChanged => "Legal basis changed.",
        BackToRecords => "Back to records",
        ModulesTitle => "Modules with data subjects",
        ModulesIntro => {
            "Records in checked modules get a Data Privacy section; existing records start as Not Applicable."
        }
        OverviewTitle => "Overview",
        OverviewIntro => "Legal bases and consent across all modules with compliance enabled.",
        NotApplicableCount => "Records with basis Not Applicable",
        WithBasisCount => "Records with a legal basis",
        PerBasisChart => "Records per legal basis",
        ConsentChart => "Consent status",
        ChangesChart => "Basis and consent changes, last 30 days",
        AuditTitle => "Audit trail",
        AuditIntro => {
            "Every compliance-relevant action, in a hash chain: changing or removing an entry breaks the chain."
        }
        VerifyChain => "Verify the chain",
        ChainIntact => "The chain is intact. Entries checked:",
        ChainBroken => "The chain is broken at entry",
        ChainRedacted => "Entries whose details were erased (each recorded by a redaction entry):",
        ChainCheckedAgainst => "Compared with the signed checkpoint of entry",
        ChainNoCheckpoint => {
            "No signed checkpoint yet: entries removed from the end could not be noticed. Sign one below."
        }
        SignCheckpoint => "Sign a checkpoint now",
        DownloadCheckpoint => "Download the newest checkpoint",
        CheckpointIntro => {
            "A checkpoint is the chain's newest hash, signed with this installation's key (kept with the master key, not in the database). Keep a copy elsewhere, or subscribe a webhook to audit.checkpoint: if entries are later removed or the chain is rewritten, `consentry verify-audit --checkpoint FILE` shows it. Checkpoints are also signed every hour."
        }
        NewestCheckpoint => "Newest checkpoint: entry",
        NoCheckpointYet => "No checkpoint has been signed yet.",
        AuditDetails => "Details",
        DetailRedacted => "Redacted by entry",
        When => "When",
        Who => "Who",
        Action => "Action",
        Subject => "Subject",
        AddModule => "Add module",
        ModuleName => "New module",
        ModuleAdded => "Module added.",
        AllActions => "All actions",
        ImportRecords => "Import records from CSV",
        ImportTitle => "Import records",
        ImportIntro => {
            "Upload a CSV file saved as UTF-8, comma- or semicolon-separated, whose first row names the columns. Each row becomes a record; rows that cannot be used are listed with the reason."
        }
        CsvFile => "CSV file",
        ColumnMappingTitle => "Which column fills which field",
        Column => "Column",
        Field => "Field",
        Ignore => "Do not import",
        StartImport => "Start import",
        ImportProgressLabel => "Import progress",
        ImportFinished => "Import finished.",
        ImportFailed => {
            "The import stopped because of a server error. Rows of completed batches were imported."
        }
        ImportInterrupted => {
            "Interrupted: the process running this import (the server or a command-line import) stopped during it."
        }
        ImportInterruptedHandled => "Rows handled:",
        ImportInterruptedFrom => "Not imported: row",
        ImportInterruptedAgain => {
            "and later. Import those again from a file holding only those rows, with the same header row (the file itself was not kept)."
        }
        ImportedCount => "Imported:",
        RefusedCount => "Refused:",
        RowErrors => "Rows that were not imported",
        Row => "Row",
        Reason => "Reason",
        ChooseFileFirst => "Choose a CSV file first.",
        Yes => "Yes",
        ErasureConfirmationLabel => "Erasure confirmation to the requester",
        JobImport => "Import of a file",
        JobBulkSend => "Consent request to a list",
        No => "No",
        Unset => "Not set",
        FieldsLink => "Fields",
        ModuleFieldsTitle => "Modules and fields",
        ModuleFieldsIntro => {
            "Every module has the standard fields; add your own below. Mark each field that holds personal data, and whether it is sensitive (health, religion, ethnicity and the other special categories of GDPR article 9)."
        }
        FieldLabel => "Label",
        FieldKey => "Key",
        FieldKindLabel => "Type",
        FieldOptions => "Options",
        FieldOptionsHint => "One option per line.",
        FieldRequired => "Required",
        PersonalLabel => "Personal data",
        StandardBadge => "Standard",
        AddField => "Add field",
        FieldAdded => "Field added.",
        ConfirmDeleteField => "Its value is removed from every record of the module.",
        PersonalFieldsCount => "Personal fields",
        PersonalFieldsValue => "normal",
        SensitiveFieldsValue => "sensitive",
        DataSubjectRequests => "Data subject requests",
        NoRequests => "No data subject requests for this record.",
        FileRequest => "File a request received by e-mail, phone or in person",
        RequestTypeLabel => "Request",
        RequestSourceLabel => "Received through",
        RequestedBy => "Requested by",
        ReceivedOn => "Received on",
        DueOn => "Due",
        RequestStatusLabel => "Status",
        RequestFiled => "Request filed; it is due one month after receipt.",
        FileRequestButton => "File request",
        FormsIntro => {
            "Each form asks data subjects for consent to your purposes. Edit the draft in every language, check the preview, then publish: each published version is kept unchanged, with a hash of its text, as evidence of what people agreed to."
        }
        FormName => "Form name",
        CreateForm => "Create form",
        FormLinkName => "Link name",
        FormLanguages => "Languages",
        NotPublished => "Not published yet",
        PublishedVersion => "Published version",
        UnpublishedChanges => "The draft has changes that are not published.",
        SaveDraft => "Save draft",
        Publish => "Publish",
        RevertToPublished => "Revert to published",
        Preview => "Preview",
        EditedLanguage => "Language you are editing",
        AddLanguage => "Add language",
        LanguageToAdd => "Language to add",
        LanguageUntranslated => "untranslated",
        UntranslatedNotice => {
            "These texts are still a copy of the default language. Subjects who read this language see them with a note that they are not translated yet. Edit them, or mark them as translated."
        }
        MarkTranslated => "Mark as translated",
        PublishUntranslatedTitle => "Publish with untranslated texts?",
        PublishUntranslatedBody => {
            "These languages still show the texts of the default language; subjects who read them see a note saying so:"
        }
        PublishAnyway => "Publish anyway",
        DefaultLanguage => "Default language",
        PurposesHeading => "Purposes",
        PurposeKey => "Key",
        PurposeRequired => "Required",
        PurposeCategoryLabel => "Used for (Global Privacy Control, Google Consent Mode)",
        AddPurpose => "Add purpose",
        PurposeTitle => "Title",
        PurposeDescription => "Description",
        FormTitleLabel => "Title",
        FormIntroLabel => "Purpose text",
        ChannelsHeadingLabel => "Heading above the channels",
        RequiredLabelLabel => "Word for a required purpose",
        ConsentStatementLabel => "Consent statement",
        PrivacyStatementLabel => "Privacy statement",
        SubmitLabelLabel => "Submit button",
        StopLabelLabel => "Stop-processing button",
        ThanksLabel => "Thank-you text",
        PolicyUrl => "Privacy policy URL (https)",
        LogoUrl => "Logo URL (https)",
        BrandColour => "Brand colour",
        ShownChannels => "Contact channels shown",
        ChannelLabelFor => "Label",
        DraftSaved => "Draft saved.",
        FormPublishedMsg => "Published.",
        DraftReverted => "The draft is the published version again.",
        TextsHeading => "Texts",
        AppearanceHeading => "Appearance and links",
        ConsentRequestTitle => "Ask for consent by e-mail",
        ConsentRequestHint => {
            "The data subject gets a personal link to the published form; it works until the waiting period ends."
        }
        FormToSend => "Form",
        SendConsentRequest => "Send consent request",
        NoPublishedForms => "Publish a consent form first (Consent › Consent forms).",
        TemplatesIntro => {
            "The message that carries each consent link. Merge fields such as {{record.first_name}} are filled in for every recipient; every part must contain the consent link."
        }
        NoTemplates => "No templates yet: consent requests use the built-in English message.",
        NewTemplate => "New template",
        EditTemplate => "Edit template",
        TemplateName => "Name",
        TemplateSubject => "Subject",
        TemplateText => "Plain-text message",
        TemplateHtml => "HTML message (optional)",
        TemplateHtmlHint => {
            "Without it the message is sent as plain text only. Values filled in here are escaped."
        }
        MergeFieldsLabel => "Insert a merge field where the cursor is",
        SaveTemplate => "Save template",
        DeleteTemplate => "Delete template",
        ConfirmDeleteTemplate => "Messages already sent with it stay in the outbox.",
        TemplateSaved => "Template saved.",
        PreviewTitle => "Preview for a record",
        PreviewSearch => "Find a record (start of a name, or exact e-mail address)",
        PreviewRecord => "Record",
        ShowPreview => "Show preview",
        PreviewLinkNote => "The link in the preview is an example; every recipient gets their own.",
        HtmlPreview => "HTML message as received",
        NoMatchingRecords => "No records match.",
        TemplateToSend => "Message",
        BuiltInMessage => "Built-in message (English)",
        UpdatedAt => "Last changed",
        SignUpTitle => "Public sign-up",
        SignUpIntro => {
            "Let anyone sign up with this form at its own web address. New sign-ups become records of the chosen module with basis Consent; an address that signs up again updates the same record."
        }
        SignUpModule => "Sign-ups become records of",
        SignUpOff => "Nobody: sign-up is off",
        SignUpNoModules => {
            "Enable compliance for a module under Compliance Settings to take sign-ups."
        }
        DoubleOptInLabel => "Confirmation by e-mail (double opt-in)",
        DoubleOptInDefaultOn => "Organisation default (on)",
        DoubleOptInDefaultOff => "Organisation default (off)",
        DoubleOptInAlways => "Always: consent counts once the address is confirmed",
        DoubleOptInNever => "Never: consent counts at once",
        SaveSignUp => "Save sign-up settings",
        WidgetTitle => "Website widget",
        WidgetIntro => {
            "Show this form on your own site, as a consent banner for visitors or inline as a sign-up form. Only the sites listed here may load it."
        }
        WidgetOrigins => {
            "Sites that may embed the form, one per line (e.g. https://www.example.org)"
        }
        WidgetConsentMode => "Drive Google Consent Mode v2 from the banner's decisions",
        SaveWidget => "Save widget settings",
        WidgetSaved => "Widget settings saved.",
        WidgetBannerSnippet => "Banner: paste into every page, before the site's other scripts",
        WidgetInlineSnippet => "Inline form: paste where the form should appear",
        WidgetNeedsPublish => "Publish the form before embedding it.",
        WidgetNoOrigins => {
            "Add at least one site to embed the form; until then every site is refused."
        }
        WidgetDecisions => "Banner decisions",
        WidgetAcceptedAll => "accepted all",
        WidgetRejectedAll => "rejected all",
        WidgetWithGpc => "with Global Privacy Control",
        WidgetLogHeading => "Consent log (newest 20)",
        WidgetLogReceipt => "Receipt id",
        WidgetLogFind => "Find",
        WidgetLogDecision => "Decision",
        WidgetLogGranted => "Purposes granted",
        WidgetLogSite => "Site",
        WidgetLogEmpty => "No decisions found.",
        WidgetConsentDomain => "Consent domain (optional)",
        WidgetConsentDomainHint => {
            "Your own domain, such as example.org: every site under it (www.example.org, shop.example.org) then shares one decision. Public suffixes such as co.uk are refused."
        }
        WidgetLifetime => "How long a decision stands",
        WidgetLifetimeDays => "Days before visitors are asked again (at most 395)",
        WidgetRefusalDays => "Days a refusal of everything stands, if shorter (optional)",
        WidgetElsewhere => "Visitors from elsewhere get",
        WidgetElsewhereHint => {
            "Visitors from the EU, EEA, UK and Switzerland always get the banner; visitors from US states with opt-out laws get a notice with “Do not sell or share my personal information”, and Global Privacy Control is honoured. Where a visitor is comes from the headers of your proxy named in the server's configuration."
        }
        WidgetCookies => "Cookies per purpose",
        WidgetCookiesHint => {
            "The cookies the tags of each purpose set, separated by commas; end a name with * for a prefix (_ga*). When a visitor withdraws the purpose, the widget deletes them."
        }
        WidgetCookiesOf => "Cookies of “{purpose}”",
        WidgetTags => "Google and Microsoft tags",
        WidgetAdvanced => {
            "Advanced mode: Google tags load at once and send cookieless pings until consent (basic mode: they load only after consent)"
        }
        WidgetAdsDataRedaction => {
            "Redact advertising click identifiers while advertising storage is denied (ads_data_redaction)"
        }
        WidgetUrlPassthrough => {
            "Pass click identifiers through links while storage is denied (url_passthrough)"
        }
        WidgetWaitForUpdate => "Milliseconds tags wait for the visitor's answer (wait_for_update)",
        WidgetMicrosoftUet => "Tell Microsoft UET (Bing Ads) the advertising decision",
        WidgetMarkupHeading => "Marking what needs consent",
        WidgetMarkupHint => {
            "Nothing marked runs or loads until its purpose (or category) is granted, even if the widget cannot load."
        }
        WidgetFiguresHeading => "Consent rate (last 30 days)",
        WidgetFiguresHint => {
            "Counted without tracking anyone: a counter per version, rule and day of banners shown; no identifier, cookie or address is kept. The opt-in rate is the share of decisions that granted the purpose."
        }
        WidgetFiguresEmpty => "No banner shown in the last 30 days.",
        WidgetFiguresCsv => "Download the figures (CSV)",
        WidgetShown => "Banner shown",
        WidgetCustomised => "chose per purpose",
        WidgetOptInRate => "Opt-in rate per purpose",
        WidgetVersion => "Version",
        WidgetRegionTesting => {
            "Let pages set the visitor's region with ?consentry_region= (only while testing the rules: anyone could use such a link)"
        }
        WidgetLogRule => "Rule",
        SignUpSaved => "Sign-up settings saved.",
        SignUpAddress => "Public address",
        SignUpNeedsPublish => {
            "Publish the form first: the public page shows the published version."
        }
        RequestsIntro => {
            "Requests from data subjects, soonest deadline first. Answer within one month (art. 12(3)); the deadline can be extended by two months at most, with a reason."
        }
        AnyType => "Any right",
        AnyStatus => "Any status",
        Overdue => "Overdue",
        DueSoon => "Due within 7 days",
        NoQueue => {
            "No requests match. Requests arrive through the privacy centre, or are filed by hand on a record's page (Data subject requests)."
        }
        RecordsFound => "Records",
        RequestTitle => "Data subject request",
        Deadline => "Deadline",
        ExtendedBecause => "Extended because",
        RejectedBecause => "Refused because",
        ClosedBy => "Closed by",
        RequestMessages => "Messages to the requester",
        RequestDetails => "What was asked",
        NoLinkedRecords => "No record holds this address.",
        VerifyRequest => "Identity verified",
        StartRequest => "Start handling",
        CompleteRequest => "Mark completed",
        RejectRequest => "Refuse",
        ExtendRequest => "Extend the deadline",
        ReasonLabel => "Reason (the data subject is told)",
        MonthsLabel => "By",
        OneMonth => "1 month",
        TwoMonths => "2 months",
        RequestUpdated => "Request updated.",
        OpenRequests => "Open requests",
        OverdueRequests => "Overdue requests",
        EraseSubject => "Erase the subject's data",
        EraseHint => {
            "Deletes the records listed here with their consent history, links and messages, and removes the address from every request. Kept: this request with its dates, and a keyed hash of the address so a later import is flagged. This cannot be undone."
        }
        ConfirmErase => {
            "The records found are erased now: nothing of them stays, and their addresses go on the suppression list. This cannot be undone."
        }
        SubjectErasedTold => {
            "The data subject's personal data is erased. They were sent a confirmation; Consentry keeps no copy of it."
        }
        SubjectErasedNoSmtp => {
            "The data subject's personal data is erased. No SMTP server is configured, so tell them yourself: Consentry no longer holds their address."
        }
        SubjectErasedNotDelivered => {
            "The data subject's personal data is erased, but the confirmation could not be delivered. Tell them yourself: Consentry no longer holds their address."
        }
        SendConsentRequests => "Send consent requests",
        BulkConsentConfirmBody => {
            "Each record gets its own link to the chosen form by e-mail. Records that cannot be asked are skipped and counted; a record moves to Waiting only once its mail is delivered."
        }
        ConfirmDeleteRecordTitle => "Delete 1 record?",
        DeleteOneRecord => "Delete 1 record",
        ConfirmationDelivered => "delivered: the mail server accepted it",
        ConfirmationRetrying => "not delivered yet: retried from memory for up to an hour",
        ConfirmationFailed => "not delivered: the mail server refused it or the retries ran out",
        ConfirmationInterrupted => {
            "not delivered: Consentry stopped while it was being retried; tell the subject another way"
        }
        ConfirmationNoSmtp => "not sent: no SMTP server is configured",
        ConfirmationNoAddress => "not sent: the request names no e-mail address",
        ReasonErasure => "erasure on request",
        ReasonNotConfirmed => "not confirmed within the waiting period",
        ReasonStopRequested => "Data subject request: stop processing",
        ReasonObjected => "Data subject objected (art. 21)",
        ReasonResumed => "Processing resumed:",
        StepVerify => "Identity verified",
        StepStart => "Handling started",
        StepComplete => "Completed",
        StepReject => "Refused",
        StepExtend => "Deadline extended",
        StepExportQueued => {
            "Export link written and queued for the requester (see Told the requester for its delivery)"
        }
        ReasonRectification => "Rectification request",
        SearchText => "(search text)",
        SubjectErasedRetrying => {
            "The data subject's personal data is erased. The mail server could not take the confirmation yet: Consentry retries it for up to an hour, from memory only (it is not stored). The audit trail will say whether it was delivered."
        }
        SubjectErasedNoAddress => {
            "The data subject's personal data is erased. The request names no e-mail address: tell them yourself."
        }
        EncryptionColumn => "Encrypted at rest",
        EncryptedLabel => "Encrypt",
        EncryptionOff => "Stored as entered",
        EncryptionOn => "Encrypted",
        EncryptionEncrypting => "Encrypting existing values…",
        EncryptionDecrypting => "Decrypting values…",
        EncryptionNotPossible => "Yes/no and picklist fields are not encrypted.",
        EncryptionHint => {
            "Encrypted values are stored with AES-256-GCM and cannot be read from the database file or a backup without the key file. An encrypted e-mail address stays findable by its exact address; encrypted names are not searched and records cannot be sorted by them."
        }
        EncryptionJobsTitle => "Encryption in progress",
        JobEncrypt => "Encrypting the values of",
        JobDecrypt => "Decrypting the values of",
        JobRotate => "Re-encrypting every value under the newest key",
        JobDone => "Done",
        JobFailed => "Stopped",
        MaskedTitle => "Sensitive values",
        MaskedIntro => {
            "Your profile shows these masked. Revealing one is recorded in the audit trail under your name."
        }
        Reveal => "Reveal",
        NotSearchedPrefix => "Not searched, because encrypted:",
        NotSearchedSuffix => "Search by the exact e-mail address to find these records.",
        HandlingTitle => "Personal data handling",
        HandlingHint => {
            "Which personal fields to leave out when records leave Consentry. A data subject's own export always holds everything about them. Choose the fields for \"the fields I choose\" in Modules and Fields."
        }
        DestinationExports => "CSV and JSON exports by staff",
        DestinationApi => "Reads through the REST API with an API key",
        DestinationWebhooks => "Webhook payloads",
        ExcludeNone => "Leave nothing out",
        ExcludeSensitive => "Leave out Sensitive fields",
        ExcludeAllPersonal => "Leave out every personal field",
        ExcludeChosen => "Leave out the fields I choose",
        LeftOutColumn => "Left out of",
        ExportCsv => "Export CSV",
        ExportJson => "Export JSON",
        CsvSeparatorLabel => "CSV separator",
        ExportHintList => {
            "The export holds the records named above: the selected ones, or every record matching the filters (at most 100,000) when none is selected, following the personal data handling preferences; each export is recorded in the audit trail."
        }
        ShortExports => "Exports",
        ShortApi => "API",
        ShortWebhooks => "Webhooks",
        ApiKeysTitle => "API keys",
        ApiKeysIntro => {
            "Keys let other systems (a CRM, a shop, a mailing tool) use Consentry's API without a person signing in: send `Authorization: Bearer <key>`. Each key can do only what its scopes allow."
        }
        ApiKeyShownOnce => "Copy this key now: it is shown only once",
        ApiKeyUsage => {
            "Consentry keeps only a hash of it. Lost it? Revoke it and create a new one."
        }
        ApiKeyRevoked => "The key is revoked; it no longer works.",
        NoApiKeys => "No API keys yet.",
        ConfirmRevokeKey => "Systems using it stop working at once.",
        ConfirmRemoveWebhook => "Consentry stops sending events to this address at once.",
        ScopeRecordsRead => "read records, modules and fields",
        ScopeRecordsWrite => "create, change and delete records and their basis",
        ScopeSettingsRead => "read the compliance settings",
        ScopeConsentRead => "read a record's consent events",
        ScopeConsentWrite => "send records consent requests by e-mail",
        ScopeDsrRead => "read data-subject requests, their exports and the suppression list",
        ScopeDsrWrite => "file data-subject requests and move them along",
        ApiKeyPrefix => "Key",
        Scopes => "Scopes",
        LastUsed => "Last used",
        NeverUsed => "Never",
        Revoked => "Revoked",
        Revoke => "Revoke",
        CreateApiKey => "Create API key",
        ApiKeyName => "What is it for?",
        ApiReference => "API reference: every route, its parameters, scopes and answers",
        WebhooksTitle => "Webhooks",
        WebhooksIntro => {
            "Consentry posts each chosen event to your public https:// address, signed the Standard Webhooks way: verify the webhook-id, webhook-timestamp and webhook-signature headers with a Standard Webhooks library and the secret (whsec_…), and refuse deliveries more than 5 minutes old. Anything but a 2xx answer is retried with growing pauses for 24 hours, with the same webhook-id; redirects are not followed. A delivery still not accepted then is a dead letter: Retry sends it again. Personal fields follow the personal data handling preference for webhooks (Sensitive fields left out unless you choose otherwise); erasure events carry no personal data."
        }
        WebhookSecretOnce => "Copy this signing secret now: it is shown only once.",
        WebhookLegacySecret => {
            "legacy secret: add the webhook again for a Standard Webhooks secret"
        }
        WebhookUrl => "Address (https://)",
        WebhookEvents => "Events",
        AddWebhook => "Add webhook",
        DeliveryLog => "Deliveries",
        Refresh => "Refresh",
        DeliveryState => "State",
        Attempts => "Attempts",
        ReceiverAnswer => "Answer",
        DeliveryPending => "Retrying",
        DeliveryDelivered => "Delivered",
        DeliveryDead => "Dead letter: not accepted within 24 hours",
        RetryDelivery => "Retry",
        DeliveryRetried => "Queued again: it goes out with the same webhook-id.",
        FailureTargetNotAllowed => "target address not allowed",
        FailureConnect => "could not connect",
        FailureTimeout => "no answer in time",
        FailureRedirected => "redirect, not followed",
        FailurePayload => "Consentry could not build the payload",
        EventConsentChanged => "a record's consent changed",
        EventBasisChanged => "a record's legal basis changed",
        EventDsrCreated => "a data-subject request was filed",
        EventDsrCompleted => "a data-subject request was completed",
        EventRecordErased => "a data subject was erased",
        EventAuditCheckpoint => "the audit trail was signed (a checkpoint to keep)",
        ReviewExport => "Download the export to review",
        SendExport => "Send the subject their download link",
        ExportHint => {
            "A ZIP of every record holding the address, with its history, consent decisions and requests (JSON and CSV). The subject gets a link that works for 7 days; the file is never attached to a mail."
        }
        ExportSent => "The download link is on its way; the request is completed.",
        StopRecords => "Stop processing the records",
        StopRecordsHint => {
            "The records listed here become read-only and are left out of e-mails and bulk actions, until the stop is lifted with a reason."
        }
        OverridingGrounds => "Compelling overriding grounds (leave empty to uphold the objection)",
        DecideObjection => "Decide the objection",
        ObjectionHint => {
            "Upheld: records processed on Legitimate Interests stop being processed. With overriding grounds the objection is refused and the subject is given them."
        }
        ResumeTitle => "Processing is stopped",
        ResumeReason => "Why may processing resume?",
        ResumeProcessing => "Resume processing",
        SubjectAsked => "The subject asked",
        ApplyCorrection => "Apply the correction to this record",
        CorrectionApplied => "Correction applied. Complete the request when every record is right.",
        SendDataRequestLink => "E-mail the privacy centre link",
        DataRequestLinkDone => "The privacy centre link is on its way to the subject.",
        EvidenceReport => "Download the evidence report",
        OutboxIntro => "Every message Consentry sends, with its delivery status.",
        OutboxNoSmtp => {
            "No SMTP server is configured, so messages are kept here and not delivered. Open each with Send by hand and mail it yourself: a consent request's record waits from then on, not before."
        }
        Recipient => "Recipient",
        MessageSubject => "Subject",
        DeliveryLabel => "Delivery",
        CreatedAt => "Created",
        EmptyOutbox => {
            "No messages yet. They appear here as Consentry mails data subjects: consent requests (Records › Ask for consent), sign-up confirmations, privacy-centre codes."
        }
        DeliveryStored => "Kept in the outbox",
        DeliveryQueued => "Queued",
        DeliverySent => "Sent",
        DeliveryFailed => "Failed",
        OutboxSmtp => {
            "Messages are delivered through the configured SMTP server and retried with growing pauses while it does not take them; each shows what the server answered. Personal links show masked."
        }
        BulkConsentTitle => "Ask for consent by e-mail",
        BulkConsentIntro => {
            "Each record named above (the selected ones, or every match when none is selected) gets its own link to the chosen form. Records that cannot be asked (no e-mail address, processing stopped, refused before, basis not Consent) are skipped and counted."
        }
        ConfirmBulkConsent => "records will be asked for consent. Continue?",
        BulkConsentProgress => "Consent requests",
        MinutesLeft => "about {n} min left",
        UnderAMinuteLeft => "less than a minute left",
        Copy => "Copy",
        Copied => "Copied",
        CopyRefused => "The browser refused to copy; select the text and copy it yourself.",
        SigningSecret => "Signing secret",
        BulkConsentSkipped => "Skipped:",
        SkipNoEmail => "no e-mail address",
        SkipDeleted => "deleted meanwhile",
        SkipStopProcessing => "processing stopped",
        SkipDenied => "refused before",
        SkipNotConsent => "basis not Consent",
        SkipCompliance => "compliance off",
        SkipEmailHidden => "form hides e-mail",
        SkipOther => "other reasons",
        SkipAnswered => "answered already",
        KindConsentRequest => "Consent request",
        KindSignUpConfirmation => "Sign-up confirmation",
        KindPrivacyCentreCode => "Privacy centre code",
        KindRequestNotice => "Notice about a request",
        KindExportLink => "Data export link",
        KindOther => "Message",
        MessageKindLabel => "Kind",
        OutboxMessagesRetried => "Messages queued again:",
        OutboxMessageRetried => "Queued again: it goes out as soon as the mail server takes it.",
        OutboxMessageRenewed => {
            "Its link no longer worked, so a new consent request with a fresh link was queued in its place."
        }
        HandedOverTitle => "Send this message by hand",
        HandedOverHint => {
            "Copy it into a mail to the recipient now: it is shown only this once, with the personal link. It is marked sent, and a consent request's record waits from now on."
        }
        OutboxFailedCount => "messages were not delivered.",
        RetryFailed => "Retry failed",
        RetryMessage => "Retry",
        HandOver => "Send by hand",
        NextAttempt => "next attempt",
        MessageReplaced => "replaced by a newer message",
        BulkConsentRequested => "Requests made:",
        BulkConsentQueued => "Queued:",
        BulkConsentStored => "Kept in the Outbox:",
        BulkConsentDelivered => "Delivered:",
        BulkConsentFailed => "Not delivered:",
        BulkConsentUndelivered => {
            "Some requests were not delivered; their records stay as they were. Retry them in the"
        }
        BulkConsentInterrupted => {
            "Interrupted: the server stopped during this bulk request. The requests counted here are in the Outbox and are sent as usual; the other records were not asked. Ask the rest of the list: those this request reached are skipped."
        }
        ConsentRequestStoredMsg => {
            "Consent request kept in the Outbox: send it by hand there. The record waits once you do."
        }
        ConsentRequestQueuedMsg => {
            "Consent request queued: the record waits once the mail server accepts it."
        }
        ConsentRequestDeliveredMsg => {
            "Consent request delivered: the mail server accepted it, and the record is waiting for an answer."
        }
        ConsentRequestFailedMsg => {
            "Consent request not delivered: the record stays as it was. See the Outbox."
        }
        RequestQueued => "Queued for the mail server",
        RequestStored => "Kept in the Outbox, to be sent by hand",
        RequestDelivered => "Delivered",
        RequestFailed => "Delivery failed: the record stays as it was",
        ConsentRequestLabel => "Consent request",
        SkipAskedSince => "asked since then",
        SkipAskedSinceLabel => "Skip records sent a consent request since (UTC, optional)",
        SkipAskedSinceHint => {
            "To ask the rest of a list whose earlier request was cut off: records whose request is queued or was delivered since then are skipped; those whose request failed are asked again."
        }
        BulkConsentAskRest => "Ask the rest of the list",
        BulkConsentSkippingSince => "Records sent a consent request since then are skipped:",
        ReportTitle => "Evidence of a data-subject request",
        ReportRequestId => "Request number",
        ReportRight => "Right exercised",
        ReportReceivedThrough => "Received through",
        ReportDueOn => "Due on",
        ReportExtendedTo => "Extended to",
        ReportClosedOn => "Closed on",
        ReportToldRequester => "Told the requester",
        ReportWrittenAt => "written",
        ReportEveryStep => "Every step",
        ReportEntryHash => "Entry hash",
        ReportChainIntro => {
            "Each step is an entry of the organisation's hash-chained audit trail; its number is its place in the chain. The whole chain, verified when this report was made:"
        }
        ReportChainIntact => "intact: every entry verifies. Entries checked:",
        ReportChainRedacted => {
            "Entries whose details were erased, each recorded by a redaction entry:"
        }
        ReportCheckpointMatch => "It matches the signed checkpoint of entry",
        ReportNoCheckpoint => {
            "No signed checkpoint existed yet, so entries removed from the end could not have been noticed."
        }
        ReportChainBroken => "BROKEN at entry",
        ReportGenerated => "Report made",
        ProblemEntryChanged => "an entry's content or link does not match its hash",
        ProblemEntryMissing => "an entry in the middle is gone",
        ProblemDetailChanged => "a detail does not match what the chain holds for it",
        ProblemDetailMissing => "a detail is gone and no redaction entry says why",
        ProblemTruncated => "entries after a signed checkpoint are gone",
        ProblemRehashed => {
            "the trail differs from a signed checkpoint: it was changed and hashed anew"
        }
        ProblemEmptied => "the organisation's trail holds no entries at all",
        ProblemCheckpointInvalid => {
            "a checkpoint's signature does not verify with this installation's audit key"
        }
        RetentionIntro => {
            "Storage limitation (GDPR art. 5(1)(e)): once a day Consentry looks for records kept longer than the retention period without a reason to keep them: no basis, a consent request never answered, consent withdrawn or refused, or a contract that ended. Records under a legal hold or named by an open data-subject request are left out. Erasing them works like an erasure request: nothing of them stays, their addresses go on the suppression list, and the audit trail records the run."
        }
        RetentionReviewed => "The records were reviewed just now.",
        RetentionOff => {
            "No retention period is set, so records are kept until someone deletes them and nothing is reviewed. Set a period under"
        }
        RetentionLastReview => "Last review",
        RetentionNeverReviewed => "Not reviewed yet",
        RetentionAutoErase => "Erase lapsed records automatically after each daily review",
        RetentionAutoEraseHint => {
            "Off: the records are listed for you to check and erase. On: Consentry erases them itself, records under a legal hold and those named by an open request excepted."
        }
        RetentionReviewNow => "Review now",
        RetentionErasedCount => "Records erased:",
        RetentionKeptCount => "kept (changed since the review, held or asked about):",
        RetentionConfirmTitle => "Erase these records for good?",
        RetentionEraseButton => "Erase lapsed records",
        RetentionConfirmBody => {
            "Every record listed is erased with its consent history, messages and links, as an erasure request would. Their addresses go on the suppression list. This cannot be undone; a record that changed since the review is kept."
        }
        RetentionFound => "Found lapsed",
        RetentionReason => "Reason",
        RecordCount => "Records",
        RetentionAllReasons => "Every reason",
        RetentionNothing => "Nothing lapsed: every record has a reason to be kept.",
        RetentionSince => "Since",
        LapseNoBasis => "No basis (Not Applicable)",
        LapseNotResponded => "Consent not answered",
        LapseWithdrawn => "Consent withdrawn",
        LapseDenied => "Consent refused",
        LapseContractEnded => "Contract ended",
        RecordRetention => "Retention",
        RecordRetentionHint => {
            "A legal hold keeps this record whatever the retention period says, and stops an erasure request from erasing it (GDPR art. 17(3)(e)), until you lift it. The day a contract ended starts its retention period."
        }
        LegalHold => "Legal hold",
        LegalHoldReason => "Why it is kept",
        ContractEndedOn => "Contract ended on",
        RenewalDue => "Renewal due",
        RenewalDueCount => "Consent due for renewal",
        ConsentRenewal => "Consent renewal",
        ConsentRenewalHint => {
            "Consent is not forever: after its lifetime, Obtained consent is renewal due. Find those records with the Renewal due filter and send them a consent request; without a renewed answer within the grace period, their status becomes Not Responded."
        }
        ConsentAges => "Obtained consent must be renewed",
        ConsentLifetimeDays => "Consent lifetime (days)",
        RenewalGraceDays => "Grace period for renewal (days)",
        SelectRow => "Select",
        SelectPage => "Select every row on this page",
        Columns => "Columns",
        ColumnsShown => "Columns shown",
        OfTotal => "of",
        Pages => "Pages",
        RowsPerPage => "Rows per page",
        PreviousPage => "Previous page",
        NextPage => "Next page",
        AskForConsent => "Ask for consent",
        Export => "Export",
        ScopeAllMatching => "Nothing selected: actions apply to every matching record,",
        ScopeSelected => "selected: actions apply to these records only",
        ClearSelection => "Clear selection",
        RecordActions => "Record actions",
        ClosePanel => "Close",
        ClearFilters => "Show every record (clear the filters)",
        ReviewChange => "Review the change",
        Actions => "Actions",
        SequenceNumber => "No.",
        AuditEntries => "Entries",
        Anyone => "Anyone",
        FromDay => "From",
        UntilDay => "Until (inclusive)",
        AuditDaysHint => {
            "Days run from midnight to midnight in the organisation's time zone. The CSV export holds every entry the filters match, oldest first, with its hash."
        }
        NoAuditEntries => {
            "No entries match these filters. Widen the period or choose another action or person."
        }
        RequestsInList => "requests in this list",
        Gpc => "GPC",
        Changes => "Changes",
        Day => "Day",
        ShowTheNumbers => "Show the numbers",
        NearestDeadlines => "Nearest deadlines",
        NoOpenRequests => "No open data-subject requests.",
        AllRequests => "All requests",
        UntilBeforeFrom => "Until is before From: choose an Until day on or after the From day.",
        RecordPageTitle => "Record",
        FormPageTitle => "Consent form",
        SortNewestFirst => "Show the newest first",
    }
}

/// The nl of the frame's messages (see [`en_frame`]).
pub fn nl_frame(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        AppName => "Consentry",
        Language => "Taal",
        Loading => "Laden…",
        SkipToContent => "Naar de inhoud",
        ErrorNetwork => {
            "Consentry is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw."
        }
        ErrorUnexpected => "Er ging aan onze kant iets mis. Probeer het zo opnieuw.",
        ErrorSessionExpired => "Uw sessie is beëindigd. Log opnieuw in.",
        ErrorForbidden => "Uw profiel staat dit niet toe. Vraag het een beheerder.",
        ErrorNotFound => "Dit item bestaat niet (meer).",
        ErrorTooManyRequests => "Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.",
        ErrorInvalidCredentials => "Onjuist e-mailadres of wachtwoord.",
        ErrorCrossSite => {
            "Deze wijziging is voor uw veiligheid geweigerd. Laad de pagina opnieuw en probeer het nog eens."
        }
        ErrorConflictEmail => "Er bestaat al een gebruiker met dit e-mailadres.",
        ErrorConflictSlug => "Een andere organisatie gebruikt deze korte naam. Kies een andere.",
        ErrorAlreadySetUp => "Consentry is al ingericht. Log in.",
        ErrorLastAdministrator => {
            "Dit is de enige beheerder. Maak eerst een andere gebruiker beheerder."
        }
        ErrorCannotRemoveSelf => "U kunt uzelf niet verwijderen. Vraag het een andere beheerder.",
        FixFields => "Controleer de gemarkeerde velden.",
        SignIn => "Inloggen",
        SignInTitle => "Inloggen bij Consentry",
        SignInIntro => "Beheer wettelijke grondslagen, toestemming en verzoeken van betrokkenen.",
        SigningIn => "Bezig met inloggen…",
        SignOut => "Uitloggen",
        Email => "E-mailadres",
        Password => "Wachtwoord",
        MainNavigation => "Hoofdnavigatie",
        NavGroupConsent => "Toestemming",
        NavGroupCompliance => "Naleving",
        NavGroupOrganisation => "Organisatie",
        NavComplianceSettings => "Nalevingsinstellingen",
        NavUsers => "Gebruikers",
        UserMenu => "Gebruikersmenu",
        YourAccount => "Uw account",
        SignedInAs => "Ingelogd als",
        NavRecords => "Records",
        NavOverview => "Overzicht",
        NavAudit => "Audittrail",
        ErrorStopProcessing => {
            "De verwerking van dit record is gestopt (AVG art. 18); het is alleen-lezen."
        }
        ErrorComplianceDisabled => {
            "Naleving staat uit voor deze module. Schakel die eerst in via Instellingen › Nalevingsinstellingen."
        }
        ErrorCountChanged => {
            "Het aantal passende records is intussen veranderd. Er is niets gewijzigd; controleer de lijst en probeer het opnieuw."
        }
        ErrorModuleTaken => "Er bestaat al een module met deze naam.",
        NavConsentForms => "Toestemmingsformulieren",
        NavTemplates => "E-mailsjablonen",
        NavRequests => "Verzoeken",
        NavApiKeys => "API-sleutels en webhooks",
        NavOutbox => "Outbox",
        AreaNotLoadedTitle => "Deze pagina kon niet worden geopend",
        AreaNotLoaded => {
            "De code ervan kwam niet aan: de verbinding viel weg, of Consentry is bijgewerkt sinds u het opende. Laad de pagina opnieuw om verder te gaan; wat u hebt opgeslagen blijft bewaard."
        }
        ReloadPage => "Pagina opnieuw laden",
        LanguageNotLoaded => {
            "Deze taal kon niet worden geladen. Controleer de verbinding en kies haar opnieuw."
        }
        PageNotFound => "Pagina niet gevonden",
        PageNotFoundHint => "Dit adres is (niet meer) een pagina van Consentry.",
        GoToStart => "Naar uw startpagina",
        NavRetention => "Bewaartermijncontrole",
        ErrorLegalHold => {
            "Een record heeft een bewaarplicht, dus er is niets gewist of verwijderd: hef die eerst op in het onderdeel Bewaren van het record (of wijs een wisverzoek af met de reden ervan)."
        }
        ErrorNoRetentionPeriod => {
            "Er is geen bewaartermijn ingesteld: stel die eerst in via Instellingen › Nalevingsinstellingen."
        }
        Dismiss => "Sluiten",
        _ => return None,
    })
}

/// Dutch.
pub fn nl(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        frame!() => nl_frame(msg).unwrap_or_default(),
        Saving => "Opslaan…",
        Save => "Opslaan",
        Saved => "Opgeslagen.",
        Remove => "Verwijderen",
        FirstRunTitle => "Welkom bij Consentry",
        FirstRunIntro => {
            "Maak uw organisatie (de verwerkingsverantwoordelijke) en de eerste beheerder aan."
        }
        OrganisationSection => "Organisatie",
        OrganisationName => "Naam van de organisatie",
        OrganisationSlug => "Korte naam",
        OrganisationSlugHint => "Wordt gebruikt in openbare links, zoals /privacy/acme-bv.",
        AdministratorSection => "Beheerder",
        YourName => "Uw naam",
        PasswordHint => "Minstens 10 tekens. Een korte zin werkt goed.",
        CreateOrganisation => "Organisatie aanmaken",
        Creating => "Bezig met aanmaken…",
        AccountTitle => "Uw account",
        Organisation => "Organisatie",
        ProfileLabel => "Profiel",
        PermissionsLabel => "Machtigingen",
        SessionEnds => "Sessie eindigt",
        UsersTitle => "Gebruikers",
        UsersIntro => "Wie Consentry in uw organisatie gebruikt, en wat hun profiel toestaat.",
        Name => "Naam",
        AddUser => "Gebruiker toevoegen",
        AddUserIntro => {
            "Geef het eerste wachtwoord persoonlijk of telefonisch door aan de gebruiker."
        }
        InitialPassword => "Eerste wachtwoord",
        Adding => "Bezig met toevoegen…",
        UserAdded => "Gebruiker toegevoegd.",
        UserRemoved => "Gebruiker verwijderd.",
        ProfileChanged => "Profiel gewijzigd.",
        ConfirmRemoveUser => {
            "De sessies eindigen direct; wat de gebruiker deed blijft in het audittrail."
        }
        You => "u",
        ComplianceTitle => "Nalevingsinstellingen",
        ComplianceIntro => {
            "Schakel AVG-naleving in voor uw organisatie en kies hoe toestemming wordt behandeld."
        }
        LocaleTitle => "Taal en tijdzone",
        LocaleIntro => {
            "De taal waarin u betrokkenen schrijft, en de tijdzone waarin elke pagina tijdstippen toont. Tijdstippen worden in UTC opgeslagen."
        }
        OrganisationLanguage => "Taal van uw e-mails",
        OrganisationLanguageHint => {
            "Om toestemming vragen begint bij de e-mailsjabloon in deze taal."
        }
        TimeZone => "Tijdzone",
        SaveLocale => "Taal en tijdzone opslaan",
        TemplateLanguage => "Geschreven in",
        LanguageNotSaid => "Niet opgegeven",
        SampleValues => "Uit het bestand",
        ImportFormatsHint => {
            "Datums als JJJJ-MM-DD (2026-05-25) of DD-MM-JJJJ (25-05-2026); ja of nee als ja/nee, 1/0 of waar/onwaar (ook yes/no); getallen als 3,5 of 3.5."
        }
        ShowImportedRecords => "Toon de records van deze import",
        OnlyImportedFrom => "Alleen de records geïmporteerd uit",
        OnlyOneImport => "Alleen de records van één import",
        UnknownImport => {
            "Geen import heeft dit id (de link is misschien afgebroken), dus er staat geen record"
        }
        RemoveImportFilter => "Dit filter weghalen",
        ControllerTitle => "Gegevens van de verwerkingsverantwoordelijke",
        ControllerIntro => {
            "Wie verantwoordelijk is voor de persoonsgegevens en hoe u hen bereikt (AVG art. 13). \
             Elk toestemmingsbewijs bevat deze gegevens; een toestemmingsformulier kan pas \
             worden gepubliceerd als ze allemaal zijn ingevuld."
        }
        ControllerContact => "Contactpersoon of functie",
        ControllerStreet => "Straat en huisnummer",
        ControllerPostalCode => "Postcode",
        ControllerLocality => "Plaats",
        ControllerCountry => "Landcode",
        ControllerCountryHint => "Twee letters, zoals NL of BE.",
        ControllerEmail => "E-mailadres voor privacyvragen",
        ControllerPhone => "Telefoonnummer",
        SaveController => "Gegevens van de verwerkingsverantwoordelijke opslaan",
        ControllerUrl => "Website",
        EnableCompliance => "AVG-naleving inschakelen",
        EnableComplianceHint => {
            "Records krijgen een sectie Gegevensprivacy met een wettelijke grondslag; nieuwe records beginnen als Niet van toepassing."
        }
        WaitingPeriod => "Wachttijd voor antwoord op toestemming",
        WaitingPeriodHint => {
            "Na zoveel dagen zonder antwoord wordt de toestemming Niet gereageerd."
        }
        ProcessingWhilePending => "Zolang toestemming In behandeling of Wachten is",
        ProcessingAllow => "Het record blijven verwerken",
        ProcessingRestrict => "Verwerking beperken tot toestemming is verkregen",
        DoubleOptIn => "Dubbele aanmelding (double opt-in)",
        DoubleOptInHint => "Aanmelders moeten hun e-mailadres bevestigen voordat toestemming telt.",
        Retention => "Bewaartermijn",
        RetentionHint => {
            "Hoe lang records worden bewaard (opslagbeperking, AVG art. 5 lid 1 sub e)."
        }
        RetentionKeep => "Bewaren tot ze worden verwijderd",
        RetentionDays => "Verwijderen na een aantal dagen",
        Days => "dagen",
        RecordsTitle => "Records",
        RecordsIntro => {
            "Iedereen van wie u gegevens hebt, met de wettelijke grondslag om die te verwerken."
        }
        Filters => "Filters",
        Module => "Module",
        AllModules => "Alle modules",
        UnknownModule => "Een module die niet bestaat",
        LegalBasisLabel => "Grondslag voor gegevensverwerking",
        AllBases => "Alle grondslagen",
        ConsentStatusLabel => "Toestemmingsstatus",
        AllStatuses => "Alle statussen",
        DataSourceLabel => "Gegevensbron",
        AllSources => "Alle bronnen",
        Search => "Zoeken",
        SearchHint => "Een exact e-mailadres, of het begin van een voor- of achternaam.",
        ApplyFilters => "Filters toepassen",
        NoRecords => "Geen records gevonden.",
        LoadMore => "Meer laden",
        NewRecord => "Nieuw record",
        FirstName => "Voornaam",
        LastName => "Achternaam",
        Phone => "Telefoon",
        Company => "Bedrijf",
        Country => "Land",
        CreateRecord => "Record aanmaken",
        BulkTitle => "Wettelijke grondslag wijzigen",
        BulkIntro => {
            "Geldt voor de records die hierboven genoemd staan: de geselecteerde, of alle records die aan de filters voldoen als er niets is geselecteerd; alleen in modules waarvoor naleving is ingeschakeld. Records waarvan de verwerking is gestopt, blijven ongewijzigd."
        }
        NewBasis => "Nieuwe grondslag",
        LawfulReason => "Rechtmatige reden",
        LawfulReasonRequired => "Rechtmatige reden (verplicht)",
        ReasonHintBalancingTest => {
            "Gerechtvaardigd belang: noem het belang en de uitkomst van uw belangenafweging (waarom het zwaarder weegt dan de rechten van de betrokkene)."
        }
        ReasonHintLaw => {
            "Wettelijke verplichting: noem de wet die deze verwerking verplicht, bijvoorbeeld art. 52 AWR."
        }
        ReasonHintPublicTask => {
            "Algemeen belang: noem de publieke taak en de wet waarop die berust."
        }
        ReasonHintVitalInterest => {
            "Vitale belangen: wiens leven of gezondheid dit beschermt, en waarom geen toestemming gevraagd kan worden."
        }
        ReasonHintContract => {
            "Aanbevolen: de overeenkomst waarop dit berust, bijvoorbeeld een order- of contractnummer. Zonder reden wordt de wijziging met een waarschuwing opgeslagen."
        }
        ConfirmBasisOne => "De wettelijke grondslag van dit record wijzigen?",
        ConfirmBasisMany => "records krijgen de nieuwe wettelijke grondslag. Wijzigen?",
        NoReasonGiven => "Geen opgegeven",
        WarningContractWithoutReason => {
            "Er is geen overeenkomst genoemd. De wijziging wordt opgeslagen, maar een toezichthouder of FG zal vragen op welke overeenkomst die berust."
        }
        ConfirmChangeBasis => "Ja, grondslag wijzigen",
        Cancel => "Annuleren",
        ChangeBasis => "Grondslag wijzigen",
        BulkDone => "Gewijzigde records:",
        Fields => "Gegevens",
        SaveChanges => "Wijzigingen opslaan",
        DataPrivacy => "Gegevensprivacy",
        NotTracked => {
            "Naleving staat uit voor deze module; het record heeft daarom geen sectie Gegevensprivacy."
        }
        ConsentDate => "Datum toestemming",
        ConsentThroughLabel => "Toestemming via",
        ContactThrough => "Contact via",
        ConsentRemarks => "Opmerkingen bij toestemming",
        MailSent => "Toestemmingsverzoek verzonden",
        StopProcessingBadge => "Verwerking gestopt",
        CreatedLabel => "Aangemaakt",
        UpdatedLabel => "Laatst bijgewerkt",
        ConsentByHand => {
            "Toestemming is buiten Consentry verkregen (bijv. op papier of telefonisch)"
        }
        History => "Geschiedenis van grondslag en toestemming",
        NoValue => "—",
        DeleteRecord => "Record verwijderen",
        ConfirmDeleteRecord => {
            "Dit record verwijderen? De toestemmingsgeschiedenis blijft bewaard als bewijs."
        }
        BasisChanged => "Wettelijke grondslag gewijzigd.",
        BackToRecords => "Terug naar records",
        ModulesTitle => "Modules met betrokkenen",
        ModulesIntro => {
            "Records in aangevinkte modules krijgen een sectie Gegevensprivacy; bestaande records beginnen als Niet van toepassing."
        }
        OverviewTitle => "Overzicht",
        OverviewIntro => {
            "Wettelijke grondslagen en toestemming in alle modules waarvoor naleving is ingeschakeld."
        }
        NotApplicableCount => "Records met grondslag Niet van toepassing",
        WithBasisCount => "Records met een wettelijke grondslag",
        PerBasisChart => "Records per wettelijke grondslag",
        ConsentChart => "Toestemmingsstatus",
        ChangesChart => "Wijzigingen van grondslag en toestemming, laatste 30 dagen",
        AuditTitle => "Audittrail",
        AuditIntro => {
            "Elke nalevingsrelevante handeling, in een hashketen: een gewijzigde of verwijderde regel breekt de keten."
        }
        VerifyChain => "Keten controleren",
        ChainIntact => "De keten is intact. Gecontroleerde regels:",
        ChainBroken => "De keten is verbroken bij regel",
        ChainRedacted => {
            "Regels waarvan de details zijn gewist (elk vastgelegd in een verwijderregel):"
        }
        ChainCheckedAgainst => "Vergeleken met het ondertekende controlepunt van regel",
        ChainNoCheckpoint => {
            "Nog geen ondertekend controlepunt: regels die aan het eind zijn verwijderd, vallen dan niet op. Onderteken er hieronder een."
        }
        SignCheckpoint => "Nu een controlepunt ondertekenen",
        DownloadCheckpoint => "Nieuwste controlepunt downloaden",
        CheckpointIntro => {
            "Een controlepunt is de nieuwste hash van de keten, ondertekend met de sleutel van deze installatie (die bij de hoofdsleutel hoort, niet in de database). Bewaar een kopie elders, of abonneer een webhook op audit.checkpoint: worden later regels verwijderd of wordt de keten herschreven, dan laat `consentry verify-audit --checkpoint BESTAND` dat zien. Elk uur wordt ook een controlepunt ondertekend."
        }
        NewestCheckpoint => "Nieuwste controlepunt: regel",
        NoCheckpointYet => "Er is nog geen controlepunt ondertekend.",
        AuditDetails => "Details",
        DetailRedacted => "Gewist volgens regel",
        When => "Wanneer",
        Who => "Wie",
        Action => "Handeling",
        Subject => "Onderwerp",
        AddModule => "Module toevoegen",
        ModuleName => "Nieuwe module",
        ModuleAdded => "Module toegevoegd.",
        AllActions => "Alle handelingen",
        ImportRecords => "Records importeren uit CSV",
        ImportTitle => "Records importeren",
        ImportIntro => {
            "Upload een CSV-bestand, opgeslagen als UTF-8, gescheiden door komma's of puntkomma's, waarvan de eerste rij de kolommen benoemt. Elke rij wordt een record; onbruikbare rijen worden met de reden vermeld."
        }
        CsvFile => "CSV-bestand",
        ColumnMappingTitle => "Welke kolom welk veld vult",
        Column => "Kolom",
        Field => "Veld",
        Ignore => "Niet importeren",
        StartImport => "Import starten",
        ImportProgressLabel => "Voortgang van de import",
        ImportFinished => "Import voltooid.",
        ImportFailed => {
            "De import is gestopt door een serverfout. Rijen uit voltooide batches zijn geïmporteerd."
        }
        ImportInterrupted => {
            "Onderbroken: het proces dat deze import uitvoerde (de server of een import via de opdrachtregel) stopte tijdens de import."
        }
        ImportInterruptedHandled => "Verwerkte rijen:",
        ImportInterruptedFrom => "Niet geïmporteerd: rij",
        ImportInterruptedAgain => {
            "en verder. Importeer die opnieuw uit een bestand met alleen die rijen, met dezelfde kopregel (het bestand zelf is niet bewaard)."
        }
        ImportedCount => "Geïmporteerd:",
        RefusedCount => "Geweigerd:",
        RowErrors => "Rijen die niet zijn geïmporteerd",
        Row => "Rij",
        Reason => "Reden",
        ChooseFileFirst => "Kies eerst een CSV-bestand.",
        Yes => "Ja",
        ErasureConfirmationLabel => "Bevestiging van het wissen aan de verzoeker",
        JobImport => "Import van een bestand",
        JobBulkSend => "Toestemmingsverzoek aan een lijst",
        No => "Nee",
        Unset => "Niet ingevuld",
        FieldsLink => "Velden",
        ModuleFieldsTitle => "Modules en velden",
        ModuleFieldsIntro => {
            "Elke module heeft de standaardvelden; voeg hieronder uw eigen velden toe. Markeer elk veld met persoonsgegevens, en of het gevoelig is (gezondheid, religie, etniciteit en de andere bijzondere categorieën van AVG-artikel 9)."
        }
        FieldLabel => "Label",
        FieldKey => "Sleutel",
        FieldKindLabel => "Type",
        FieldOptions => "Opties",
        FieldOptionsHint => "Eén optie per regel.",
        FieldRequired => "Verplicht",
        PersonalLabel => "Persoonsgegevens",
        StandardBadge => "Standaard",
        AddField => "Veld toevoegen",
        FieldAdded => "Veld toegevoegd.",
        ConfirmDeleteField => "De waarde wordt uit elk record van de module verwijderd.",
        PersonalFieldsCount => "Persoonlijke velden",
        PersonalFieldsValue => "normaal",
        SensitiveFieldsValue => "gevoelig",
        DataSubjectRequests => "Verzoeken van betrokkenen",
        NoRequests => "Geen verzoeken van betrokkenen voor dit record.",
        FileRequest => "Een verzoek registreren dat per e-mail, telefoon of persoonlijk binnenkwam",
        RequestTypeLabel => "Verzoek",
        RequestSourceLabel => "Ontvangen via",
        RequestedBy => "Aangevraagd door",
        ReceivedOn => "Ontvangen op",
        DueOn => "Uiterlijk",
        RequestStatusLabel => "Status",
        RequestFiled => {
            "Verzoek geregistreerd; het moet binnen een maand na ontvangst zijn afgehandeld."
        }
        FileRequestButton => "Verzoek registreren",
        FormsIntro => {
            "Elk formulier vraagt betrokkenen toestemming voor uw doelen. Bewerk het concept in elke taal, controleer de voorbeeldweergave en publiceer: elke gepubliceerde versie blijft ongewijzigd bewaard, met een hash van de tekst, als bewijs van waarmee mensen instemden."
        }
        FormName => "Naam van het formulier",
        CreateForm => "Formulier aanmaken",
        FormLinkName => "Naam in de link",
        FormLanguages => "Talen",
        NotPublished => "Nog niet gepubliceerd",
        PublishedVersion => "Gepubliceerde versie",
        UnpublishedChanges => "Het concept bevat wijzigingen die niet gepubliceerd zijn.",
        SaveDraft => "Concept opslaan",
        Publish => "Publiceren",
        RevertToPublished => "Terug naar gepubliceerde versie",
        Preview => "Voorbeeld",
        EditedLanguage => "Taal die u bewerkt",
        AddLanguage => "Taal toevoegen",
        LanguageToAdd => "Taal om toe te voegen",
        LanguageUntranslated => "onvertaald",
        UntranslatedNotice => {
            "Deze teksten zijn nog een kopie van de standaardtaal. Betrokkenen die deze taal lezen, zien ze met een melding dat ze nog niet vertaald zijn. Bewerk ze, of markeer ze als vertaald."
        }
        MarkTranslated => "Markeren als vertaald",
        PublishUntranslatedTitle => "Publiceren met onvertaalde teksten?",
        PublishUntranslatedBody => {
            "Deze talen tonen nog de teksten van de standaardtaal; betrokkenen die ze lezen, zien een melding daarover:"
        }
        PublishAnyway => "Toch publiceren",
        DefaultLanguage => "Standaardtaal",
        PurposesHeading => "Doelen",
        PurposeKey => "Sleutel",
        PurposeRequired => "Verplicht",
        PurposeCategoryLabel => "Gebruikt voor (Global Privacy Control, Google Consent Mode)",
        AddPurpose => "Doel toevoegen",
        PurposeTitle => "Titel",
        PurposeDescription => "Omschrijving",
        FormTitleLabel => "Titel",
        FormIntroLabel => "Doeltekst",
        ChannelsHeadingLabel => "Kop boven de kanalen",
        RequiredLabelLabel => "Woord voor een verplicht doel",
        ConsentStatementLabel => "Toestemmingsverklaring",
        PrivacyStatementLabel => "Privacyverklaring",
        SubmitLabelLabel => "Knop Opslaan",
        StopLabelLabel => "Knop Verwerking stoppen",
        ThanksLabel => "Bedanktekst",
        PolicyUrl => "URL van het privacybeleid (https)",
        LogoUrl => "URL van het logo (https)",
        BrandColour => "Huisstijlkleur",
        ShownChannels => "Getoonde contactkanalen",
        ChannelLabelFor => "Label",
        DraftSaved => "Concept opgeslagen.",
        FormPublishedMsg => "Gepubliceerd.",
        DraftReverted => "Het concept is weer de gepubliceerde versie.",
        TextsHeading => "Teksten",
        AppearanceHeading => "Uiterlijk en links",
        ConsentRequestTitle => "Toestemming vragen per e-mail",
        ConsentRequestHint => {
            "De betrokkene krijgt een persoonlijke link naar het gepubliceerde formulier; die werkt tot de wachttijd voorbij is."
        }
        FormToSend => "Formulier",
        SendConsentRequest => "Toestemmingsverzoek versturen",
        NoPublishedForms => {
            "Publiceer eerst een toestemmingsformulier (Toestemming › Toestemmingsformulieren)."
        }
        TemplatesIntro => {
            "Het bericht waarin elke toestemmingslink staat. Samenvoegvelden zoals {{record.first_name}} worden per ontvanger ingevuld; elk deel moet de toestemmingslink bevatten."
        }
        NoTemplates => {
            "Nog geen sjablonen: toestemmingsverzoeken gebruiken het ingebouwde Engelse bericht."
        }
        NewTemplate => "Nieuw sjabloon",
        EditTemplate => "Sjabloon bewerken",
        TemplateName => "Naam",
        TemplateSubject => "Onderwerp",
        TemplateText => "Bericht in platte tekst",
        TemplateHtml => "HTML-bericht (optioneel)",
        TemplateHtmlHint => {
            "Zonder HTML gaat het bericht alleen als platte tekst. Ingevulde waarden worden hier ge-escaped."
        }
        MergeFieldsLabel => "Samenvoegveld invoegen op de plek van de cursor",
        SaveTemplate => "Sjabloon opslaan",
        DeleteTemplate => "Sjabloon verwijderen",
        ConfirmDeleteTemplate => "Berichten die ermee zijn verstuurd blijven in de outbox.",
        TemplateSaved => "Sjabloon opgeslagen.",
        PreviewTitle => "Voorbeeld voor een record",
        PreviewSearch => "Zoek een record (begin van een naam, of exact e-mailadres)",
        PreviewRecord => "Record",
        ShowPreview => "Voorbeeld tonen",
        PreviewLinkNote => {
            "De link in het voorbeeld is een voorbeeld; elke ontvanger krijgt een eigen link."
        }
        HtmlPreview => "HTML-bericht zoals ontvangen",
        NoMatchingRecords => "Geen records gevonden.",
        TemplateToSend => "Bericht",
        BuiltInMessage => "Ingebouwd bericht (Engels)",
        UpdatedAt => "Laatst gewijzigd",
        SignUpTitle => "Openbare aanmelding",
        SignUpIntro => {
            "Laat iedereen zich met dit formulier aanmelden op een eigen webadres. Nieuwe aanmeldingen worden records van de gekozen module met grondslag Toestemming; een adres dat zich opnieuw aanmeldt, werkt hetzelfde record bij."
        }
        SignUpModule => "Aanmeldingen worden records van",
        SignUpOff => "Niemand: aanmelden staat uit",
        SignUpNoModules => {
            "Schakel naleving in voor een module onder Nalevingsinstellingen om aanmeldingen te ontvangen."
        }
        DoubleOptInLabel => "Bevestiging per e-mail (dubbele aanmelding)",
        DoubleOptInDefaultOn => "Standaard van de organisatie (aan)",
        DoubleOptInDefaultOff => "Standaard van de organisatie (uit)",
        DoubleOptInAlways => "Altijd: toestemming telt zodra het adres is bevestigd",
        DoubleOptInNever => "Nooit: toestemming telt meteen",
        SaveSignUp => "Aanmeldinstellingen opslaan",
        WidgetTitle => "Websitewidget",
        WidgetIntro => {
            "Toon dit formulier op uw eigen site, als toestemmingsbanner voor bezoekers of als aanmeldformulier in de pagina. Alleen de sites hieronder mogen het laden."
        }
        WidgetOrigins => {
            "Sites die het formulier mogen insluiten, één per regel (bijv. https://www.example.org)"
        }
        WidgetConsentMode => "Google Consent Mode v2 aansturen met de keuzes in de banner",
        SaveWidget => "Widgetinstellingen opslaan",
        WidgetSaved => "Widgetinstellingen opgeslagen.",
        WidgetBannerSnippet => "Banner: plak in elke pagina, vóór de andere scripts van de site",
        WidgetInlineSnippet => "Formulier in de pagina: plak waar het formulier moet staan",
        WidgetNeedsPublish => "Publiceer het formulier voordat u het insluit.",
        WidgetNoOrigins => {
            "Voeg minstens één site toe om het formulier in te sluiten; tot dan wordt elke site geweigerd."
        }
        WidgetDecisions => "Keuzes in de banner",
        WidgetAcceptedAll => "alles geaccepteerd",
        WidgetRejectedAll => "alles geweigerd",
        WidgetWithGpc => "met Global Privacy Control",
        WidgetLogHeading => "Toestemmingslogboek (nieuwste 20)",
        WidgetLogReceipt => "Bewijs-id",
        WidgetLogFind => "Zoeken",
        WidgetLogDecision => "Keuze",
        WidgetLogGranted => "Toegestane doelen",
        WidgetLogSite => "Site",
        WidgetLogEmpty => "Geen keuzes gevonden.",
        WidgetConsentDomain => "Toestemmingsdomein (optioneel)",
        WidgetConsentDomainHint => {
            "Uw eigen domein, zoals example.org: elke site eronder (www.example.org, shop.example.org) deelt dan één keuze. Publieke achtervoegsels zoals co.uk worden geweigerd."
        }
        WidgetLifetime => "Hoe lang een keuze geldt",
        WidgetLifetimeDays => "Dagen voordat bezoekers opnieuw gevraagd worden (hoogstens 395)",
        WidgetRefusalDays => {
            "Dagen dat het weigeren van alles geldt, als dat korter is (optioneel)"
        }
        WidgetElsewhere => "Bezoekers van elders krijgen",
        WidgetElsewhereHint => {
            "Bezoekers uit de EU, de EER, het VK en Zwitserland krijgen altijd de banner; bezoekers uit Amerikaanse staten met opt-outwetten een melding met “Mijn persoonsgegevens niet verkopen of delen”, en Global Privacy Control wordt gevolgd. Waar een bezoeker is, leest de server uit de headers van uw proxy die in de configuratie staan."
        }
        WidgetCookies => "Cookies per doel",
        WidgetCookiesHint => {
            "De cookies die de tags van elk doel plaatsen, gescheiden door komma's; eindig een naam met * voor een voorvoegsel (_ga*). Trekt een bezoeker het doel in, dan verwijdert de widget ze."
        }
        WidgetCookiesOf => "Cookies van “{purpose}”",
        WidgetTags => "Tags van Google en Microsoft",
        WidgetAdvanced => {
            "Geavanceerde modus: Google-tags laden meteen en sturen pings zonder cookies tot er toestemming is (basismodus: ze laden pas na toestemming)"
        }
        WidgetAdsDataRedaction => {
            "Klik-id's voor advertenties weglaten zolang advertentie-opslag geweigerd is (ads_data_redaction)"
        }
        WidgetUrlPassthrough => {
            "Klik-id's via links doorgeven zolang opslag geweigerd is (url_passthrough)"
        }
        WidgetWaitForUpdate => {
            "Milliseconden dat tags wachten op het antwoord van de bezoeker (wait_for_update)"
        }
        WidgetMicrosoftUet => "Microsoft UET (Bing Ads) de keuze over advertenties doorgeven",
        WidgetMarkupHeading => "Markeren wat toestemming nodig heeft",
        WidgetMarkupHint => {
            "Niets wat gemarkeerd is, draait of laadt voordat het doel (of de categorie) is toegestaan, ook als de widget niet kan laden."
        }
        WidgetFiguresHeading => "Toestemmingspercentage (laatste 30 dagen)",
        WidgetFiguresHint => {
            "Geteld zonder iemand te volgen: een teller per versie, regel en dag van getoonde banners; er wordt geen id, cookie of adres bewaard. Het percentage is het aandeel van de keuzes dat het doel toestond."
        }
        WidgetFiguresEmpty => "De laatste 30 dagen is er geen banner getoond.",
        WidgetFiguresCsv => "Cijfers downloaden (CSV)",
        WidgetShown => "Banner getoond",
        WidgetCustomised => "per doel gekozen",
        WidgetOptInRate => "Toestemming per doel",
        WidgetVersion => "Versie",
        WidgetRegionTesting => {
            "Pagina's de regio van de bezoeker laten kiezen met ?consentry_region= (alleen om de regels te testen: iedereen kan zo'n link gebruiken)"
        }
        WidgetLogRule => "Regel",
        SignUpSaved => "Aanmeldinstellingen opgeslagen.",
        SignUpAddress => "Openbaar adres",
        SignUpNeedsPublish => {
            "Publiceer het formulier eerst: de openbare pagina toont de gepubliceerde versie."
        }
        RequestsIntro => {
            "Verzoeken van betrokkenen, de eerste deadline bovenaan. Antwoord binnen een maand (art. 12(3)); de deadline kan met hoogstens twee maanden worden verlengd, met een reden."
        }
        AnyType => "Elk recht",
        AnyStatus => "Elke status",
        Overdue => "Te laat",
        DueSoon => "Binnen 7 dagen",
        NoQueue => {
            "Geen verzoeken gevonden. Verzoeken komen binnen via het privacycentrum, of worden met de hand ingediend op de pagina van een record (Verzoeken van betrokkenen)."
        }
        RecordsFound => "Records",
        RequestTitle => "Verzoek van betrokkene",
        Deadline => "Deadline",
        ExtendedBecause => "Verlengd omdat",
        RejectedBecause => "Geweigerd omdat",
        ClosedBy => "Afgesloten door",
        RequestMessages => "Berichten aan de verzoeker",
        RequestDetails => "Wat werd gevraagd",
        NoLinkedRecords => "Geen record heeft dit adres.",
        VerifyRequest => "Identiteit gecontroleerd",
        StartRequest => "Behandeling starten",
        CompleteRequest => "Afgerond",
        RejectRequest => "Weigeren",
        ExtendRequest => "Deadline verlengen",
        ReasonLabel => "Reden (de betrokkene krijgt die te horen)",
        MonthsLabel => "Met",
        OneMonth => "1 maand",
        TwoMonths => "2 maanden",
        RequestUpdated => "Verzoek bijgewerkt.",
        OpenRequests => "Openstaande verzoeken",
        OverdueRequests => "Te late verzoeken",
        EraseSubject => "Gegevens van betrokkene wissen",
        EraseHint => {
            "Verwijdert de records hieronder met hun toestemmingsgeschiedenis, links en berichten, en haalt het adres uit elk verzoek. Bewaard blijven: dit verzoek met zijn data, en een versleutelde hash van het adres zodat een latere import wordt gemarkeerd. Dit kan niet ongedaan worden gemaakt."
        }
        ConfirmErase => {
            "De gevonden records worden nu gewist: er blijft niets van over en hun adressen komen op de blokkeerlijst. Dit kan niet ongedaan worden gemaakt."
        }
        SubjectErasedTold => {
            "De persoonsgegevens van de betrokkene zijn gewist. Er is een bevestiging verstuurd; Consentry bewaart daar geen kopie van."
        }
        SubjectErasedNoSmtp => {
            "De persoonsgegevens van de betrokkene zijn gewist. Er is geen SMTP-server ingesteld, dus laat het de betrokkene zelf weten: Consentry heeft het adres niet meer."
        }
        SubjectErasedNotDelivered => {
            "De persoonsgegevens van de betrokkene zijn gewist, maar de bevestiging kon niet worden afgeleverd. Laat het de betrokkene zelf weten: Consentry heeft het adres niet meer."
        }
        SendConsentRequests => "Toestemmingsverzoeken versturen",
        BulkConsentConfirmBody => {
            "Elk record krijgt per e-mail een eigen link naar het gekozen formulier. Records die niet gevraagd kunnen worden, worden overgeslagen en geteld; een record gaat pas naar Wachten als de mail is afgeleverd."
        }
        ConfirmDeleteRecordTitle => "1 record verwijderen?",
        DeleteOneRecord => "1 record verwijderen",
        ConfirmationDelivered => "afgeleverd: de mailserver heeft het aangenomen",
        ConfirmationRetrying => {
            "nog niet afgeleverd: wordt tot een uur lang opnieuw geprobeerd vanuit het geheugen"
        }
        ConfirmationFailed => {
            "niet afgeleverd: de mailserver weigerde het of de nieuwe pogingen waren op"
        }
        ConfirmationInterrupted => {
            "niet afgeleverd: Consentry stopte terwijl het opnieuw werd geprobeerd; laat de betrokkene het op een andere manier weten"
        }
        ConfirmationNoSmtp => "niet verstuurd: er is geen SMTP-server ingesteld",
        ConfirmationNoAddress => "niet verstuurd: het verzoek noemt geen e-mailadres",
        ReasonErasure => "wissen op verzoek",
        ReasonNotConfirmed => "niet bevestigd binnen de wachttijd",
        ReasonStopRequested => "Verzoek van betrokkene: verwerking stoppen",
        ReasonObjected => "Betrokkene maakte bezwaar (art. 21 AVG)",
        ReasonResumed => "Verwerking hervat:",
        StepVerify => "Identiteit gecontroleerd",
        StepStart => "Behandeling gestart",
        StepComplete => "Afgerond",
        StepReject => "Geweigerd",
        StepExtend => "Deadline verlengd",
        StepExportQueued => {
            "Exportlink geschreven en in de wachtrij gezet voor de verzoeker (zie Aan de verzoeker gemeld voor de aflevering)"
        }
        ReasonRectification => "Verzoek tot rectificatie",
        SearchText => "(zoektekst)",
        SubjectErasedRetrying => {
            "De persoonsgegevens van de betrokkene zijn gewist. De mailserver kon de bevestiging nog niet aannemen: Consentry probeert het tot een uur lang opnieuw, alleen vanuit het geheugen (het bericht wordt niet bewaard). Het audittrail vermeldt of het is afgeleverd."
        }
        SubjectErasedNoAddress => {
            "De persoonsgegevens van de betrokkene zijn gewist. Het verzoek noemt geen e-mailadres: laat het de betrokkene zelf weten."
        }
        EncryptionColumn => "Versleuteld opgeslagen",
        EncryptedLabel => "Versleutelen",
        EncryptionOff => "Opgeslagen zoals ingevoerd",
        EncryptionOn => "Versleuteld",
        EncryptionEncrypting => "Bestaande waarden worden versleuteld…",
        EncryptionDecrypting => "Waarden worden ontsleuteld…",
        EncryptionNotPossible => "Ja/nee- en keuzelijstvelden worden niet versleuteld.",
        EncryptionHint => {
            "Versleutelde waarden worden opgeslagen met AES-256-GCM en zijn zonder het sleutelbestand niet te lezen uit het databasebestand of een back-up. Een versleuteld e-mailadres blijft vindbaar op het exacte adres; versleutelde namen worden niet doorzocht en records kunnen er niet op gesorteerd worden."
        }
        EncryptionJobsTitle => "Versleuteling bezig",
        JobEncrypt => "Versleutelen van de waarden van",
        JobDecrypt => "Ontsleutelen van de waarden van",
        JobRotate => "Alle waarden opnieuw versleutelen met de nieuwste sleutel",
        JobDone => "Klaar",
        JobFailed => "Gestopt",
        MaskedTitle => "Gevoelige waarden",
        MaskedIntro => {
            "Uw profiel toont deze gemaskeerd. Het tonen van een waarde wordt onder uw naam vastgelegd in het auditlogboek."
        }
        Reveal => "Tonen",
        NotSearchedPrefix => "Niet doorzocht, omdat versleuteld:",
        NotSearchedSuffix => "Zoek op het exacte e-mailadres om deze records te vinden.",
        HandlingTitle => "Omgang met persoonsgegevens",
        HandlingHint => {
            "Welke persoonlijke velden worden weggelaten als records Consentry verlaten. De eigen export van een betrokkene bevat altijd alles over hem of haar. Kies de velden voor \"de velden die ik kies\" bij Modules en velden."
        }
        DestinationExports => "CSV- en JSON-exports door medewerkers",
        DestinationApi => "Lezen via de REST-API met een API-sleutel",
        DestinationWebhooks => "Webhook-berichten",
        ExcludeNone => "Niets weglaten",
        ExcludeSensitive => "Gevoelige velden weglaten",
        ExcludeAllPersonal => "Alle persoonlijke velden weglaten",
        ExcludeChosen => "De velden die ik kies weglaten",
        LeftOutColumn => "Weggelaten uit",
        ExportCsv => "CSV exporteren",
        ExportJson => "JSON exporteren",
        CsvSeparatorLabel => "Scheidingsteken CSV",
        ExportHintList => {
            "De export bevat de records die hierboven genoemd staan: de geselecteerde, of alle records die aan de filters voldoen (hoogstens 100.000) als er niets is geselecteerd, volgens de voorkeuren voor persoonsgegevens; elke export wordt vastgelegd in het auditlogboek."
        }
        ShortExports => "Exports",
        ShortApi => "API",
        ShortWebhooks => "Webhooks",
        ApiKeysTitle => "API-sleutels",
        ApiKeysIntro => {
            "Met sleutels gebruiken andere systemen (een CRM, een webwinkel, een mailingtool) de API van Consentry zonder dat iemand inlogt: stuur `Authorization: Bearer <sleutel>`. Een sleutel kan alleen wat zijn bereik toestaat."
        }
        ApiKeyShownOnce => "Kopieer deze sleutel nu: hij wordt maar één keer getoond",
        ApiKeyUsage => {
            "Consentry bewaart alleen een hash ervan. Kwijt? Trek hem in en maak een nieuwe."
        }
        ApiKeyRevoked => "De sleutel is ingetrokken; hij werkt niet meer.",
        NoApiKeys => "Nog geen API-sleutels.",
        ConfirmRevokeKey => "Systemen die hem gebruiken werken dan direct niet meer.",
        ConfirmRemoveWebhook => {
            "Consentry stuurt vanaf nu geen gebeurtenissen meer naar dit adres."
        }
        ScopeRecordsRead => "records, modules en velden lezen",
        ScopeRecordsWrite => "records en hun grondslag aanmaken, wijzigen en verwijderen",
        ScopeSettingsRead => "de nalevingsinstellingen lezen",
        ScopeConsentRead => "de toestemmingsgebeurtenissen van een record lezen",
        ScopeConsentWrite => "records per e-mail om toestemming vragen",
        ScopeDsrRead => "verzoeken van betrokkenen, hun exports en de onderdrukkingslijst lezen",
        ScopeDsrWrite => "verzoeken van betrokkenen indienen en afhandelen",
        ApiKeyPrefix => "Sleutel",
        Scopes => "Bereik",
        LastUsed => "Laatst gebruikt",
        NeverUsed => "Nooit",
        Revoked => "Ingetrokken",
        Revoke => "Intrekken",
        CreateApiKey => "API-sleutel aanmaken",
        ApiKeyName => "Waarvoor is hij?",
        ApiReference => "API-referentie: elke route met parameters, bereik en antwoorden",
        WebhooksTitle => "Webhooks",
        WebhooksIntro => {
            "Consentry stuurt elke gekozen gebeurtenis volgens Standard Webhooks ondertekend naar uw openbare https://-adres: controleer de headers webhook-id, webhook-timestamp en webhook-signature met een Standard Webhooks-bibliotheek en het geheim (whsec_…), en weiger leveringen ouder dan 5 minuten. Elk antwoord anders dan 2xx wordt 24 uur lang opnieuw geprobeerd, met steeds langere pauzes en dezelfde webhook-id; doorverwijzingen worden niet gevolgd. Een levering die dan nog niet is aangenomen, blijft onafgeleverd staan: Opnieuw proberen stuurt hem nog eens. Persoonlijke velden volgen de voorkeur voor webhooks (gevoelige velden weggelaten tenzij u anders kiest); wisgebeurtenissen bevatten geen persoonsgegevens."
        }
        WebhookLegacySecret => {
            "oud geheim: voeg de webhook opnieuw toe voor een Standard Webhooks-geheim"
        }
        WebhookSecretOnce => {
            "Kopieer dit ondertekeningsgeheim nu: het wordt maar één keer getoond."
        }
        WebhookUrl => "Adres (https://)",
        WebhookEvents => "Gebeurtenissen",
        AddWebhook => "Webhook toevoegen",
        DeliveryLog => "Afleveringen",
        Refresh => "Vernieuwen",
        DeliveryState => "Status",
        Attempts => "Pogingen",
        ReceiverAnswer => "Antwoord",
        DeliveryPending => "Wordt opnieuw geprobeerd",
        DeliveryDelivered => "Afgeleverd",
        DeliveryDead => "Niet afgeleverd: 24 uur lang niet aangenomen",
        RetryDelivery => "Opnieuw proberen",
        DeliveryRetried => "Opnieuw in de wachtrij: hij gaat uit met dezelfde webhook-id.",
        FailureTargetNotAllowed => "doeladres niet toegestaan",
        FailureConnect => "geen verbinding",
        FailureTimeout => "geen antwoord op tijd",
        FailureRedirected => "doorverwijzing, niet gevolgd",
        FailurePayload => "Consentry kon het bericht niet opbouwen",
        EventConsentChanged => "de toestemming van een record is gewijzigd",
        EventBasisChanged => "de wettelijke grondslag van een record is gewijzigd",
        EventDsrCreated => "er is een verzoek van een betrokkene ingediend",
        EventDsrCompleted => "een verzoek van een betrokkene is afgehandeld",
        EventRecordErased => "een betrokkene is gewist",
        EventAuditCheckpoint => "de audittrail is ondertekend (een controlepunt om te bewaren)",
        ReviewExport => "Export downloaden om te controleren",
        SendExport => "Downloadlink naar betrokkene sturen",
        ExportHint => {
            "Een ZIP van elk record met dit adres, met geschiedenis, toestemmingsbeslissingen en verzoeken (JSON en CSV). De betrokkene krijgt een link die 7 dagen werkt; het bestand gaat nooit als bijlage mee."
        }
        ExportSent => "De downloadlink is onderweg; het verzoek is afgerond.",
        StopRecords => "Verwerking van de records stoppen",
        StopRecordsHint => {
            "De records hieronder worden alleen-lezen en vallen buiten e-mails en bulkacties, tot de stop met een reden wordt opgeheven."
        }
        OverridingGrounds => {
            "Dwingende gerechtvaardigde gronden (leeg laten om het bezwaar toe te kennen)"
        }
        DecideObjection => "Over het bezwaar beslissen",
        ObjectionHint => {
            "Toegekend: records met grondslag Gerechtvaardigd belang worden niet meer verwerkt. Met dwingende gronden wordt het bezwaar afgewezen en krijgt de betrokkene die te horen."
        }
        ResumeTitle => "Verwerking is gestopt",
        ResumeReason => "Waarom mag de verwerking worden hervat?",
        ResumeProcessing => "Verwerking hervatten",
        SubjectAsked => "De betrokkene vroeg",
        ApplyCorrection => "Correctie op dit record toepassen",
        CorrectionApplied => "Correctie toegepast. Rond het verzoek af als elk record klopt.",
        SendDataRequestLink => "Link naar het privacycentrum mailen",
        DataRequestLinkDone => "De link naar het privacycentrum is onderweg naar de betrokkene.",
        EvidenceReport => "Bewijsrapport downloaden",
        OutboxIntro => "Elk bericht dat Consentry verstuurt, met de afleverstatus.",
        OutboxNoSmtp => {
            "Er is geen SMTP-server ingesteld, dus berichten worden hier bewaard en niet afgeleverd. Open elk bericht met Zelf versturen en mail het zelf: het record van een toestemmingsverzoek wacht vanaf dan, niet eerder."
        }
        Recipient => "Ontvanger",
        MessageSubject => "Onderwerp",
        DeliveryLabel => "Aflevering",
        CreatedAt => "Aangemaakt",
        EmptyOutbox => {
            "Nog geen berichten. Ze verschijnen hier zodra Consentry betrokkenen mailt: toestemmingsverzoeken (Records › Toestemming vragen), bevestigingen van aanmeldingen, codes van het privacycentrum."
        }
        DeliveryStored => "Bewaard in de outbox",
        DeliveryQueued => "In de wachtrij",
        DeliverySent => "Verzonden",
        DeliveryFailed => "Mislukt",
        OutboxSmtp => {
            "Berichten worden afgeleverd via de ingestelde SMTP-server en opnieuw geprobeerd met groeiende pauzes zolang die ze niet aanneemt; bij elk staat wat de server antwoordde. Persoonlijke links staan gemaskeerd."
        }
        BulkConsentTitle => "Per e-mail om toestemming vragen",
        BulkConsentIntro => {
            "Elk record dat hierboven genoemd staat (de geselecteerde, of alle gevonden records als er niets is geselecteerd) krijgt een eigen link naar het gekozen formulier. Records die niet gevraagd kunnen worden (geen e-mailadres, verwerking gestopt, eerder geweigerd, grondslag niet Toestemming) worden overgeslagen en geteld."
        }
        ConfirmBulkConsent => "records worden om toestemming gevraagd. Doorgaan?",
        BulkConsentProgress => "Toestemmingsverzoeken",
        MinutesLeft => "nog ongeveer {n} min",
        UnderAMinuteLeft => "nog minder dan een minuut",
        Copy => "Kopiëren",
        Copied => "Gekopieerd",
        CopyRefused => "De browser weigerde te kopiëren; selecteer de tekst en kopieer hem zelf.",
        SigningSecret => "Ondertekeningsgeheim",
        BulkConsentSkipped => "Overgeslagen:",
        SkipNoEmail => "geen e-mailadres",
        SkipDeleted => "intussen verwijderd",
        SkipStopProcessing => "verwerking gestopt",
        SkipDenied => "eerder geweigerd",
        SkipNotConsent => "grondslag niet Toestemming",
        SkipCompliance => "naleving uit",
        SkipEmailHidden => "formulier verbergt e-mail",
        SkipOther => "andere redenen",
        SkipAnswered => "al beantwoord",
        KindConsentRequest => "Toestemmingsverzoek",
        KindSignUpConfirmation => "Bevestiging van aanmelding",
        KindPrivacyCentreCode => "Code van het privacycentrum",
        KindRequestNotice => "Bericht over een verzoek",
        KindExportLink => "Link naar gegevensexport",
        KindOther => "Bericht",
        MessageKindLabel => "Soort",
        OutboxMessagesRetried => "Berichten opnieuw in de wachtrij:",
        OutboxMessageRetried => {
            "Opnieuw in de wachtrij: het gaat uit zodra de mailserver het aanneemt."
        }
        OutboxMessageRenewed => {
            "De link werkte niet meer, dus er staat een nieuw toestemmingsverzoek met een nieuwe link voor in de wachtrij."
        }
        HandedOverTitle => "Dit bericht zelf versturen",
        HandedOverHint => {
            "Kopieer het nu in een mail aan de ontvanger: het wordt alleen deze keer getoond, met de persoonlijke link. Het staat daarna als verzonden, en het record van een toestemmingsverzoek wacht vanaf nu."
        }
        OutboxFailedCount => "berichten zijn niet afgeleverd.",
        RetryFailed => "Mislukte opnieuw proberen",
        RetryMessage => "Opnieuw proberen",
        HandOver => "Zelf versturen",
        NextAttempt => "volgende poging",
        MessageReplaced => "vervangen door een nieuwer bericht",
        BulkConsentRequested => "Verzoeken gemaakt:",
        BulkConsentQueued => "In de wachtrij:",
        BulkConsentStored => "Bewaard in de outbox:",
        BulkConsentDelivered => "Afgeleverd:",
        BulkConsentFailed => "Niet afgeleverd:",
        BulkConsentUndelivered => {
            "Sommige verzoeken zijn niet afgeleverd; hun records blijven zoals ze waren. Probeer ze opnieuw in de"
        }
        BulkConsentInterrupted => {
            "Onderbroken: de server stopte tijdens dit bulkverzoek. De hier getelde verzoeken staan in de Outbox en worden gewoon verstuurd; de andere records zijn niet gevraagd. Vraag de rest van de lijst: wie dit verzoek bereikte, wordt overgeslagen."
        }
        ConsentRequestStoredMsg => {
            "Toestemmingsverzoek bewaard in de outbox: verstuur het daar zelf. Het record wacht zodra u dat doet."
        }
        ConsentRequestQueuedMsg => {
            "Toestemmingsverzoek in de wachtrij: het record wacht zodra de mailserver het aanneemt."
        }
        ConsentRequestDeliveredMsg => {
            "Toestemmingsverzoek afgeleverd: de mailserver heeft het aangenomen en het record wacht op antwoord."
        }
        ConsentRequestFailedMsg => {
            "Toestemmingsverzoek niet afgeleverd: het record blijft zoals het was. Zie de outbox."
        }
        RequestQueued => "In de wachtrij voor de mailserver",
        RequestStored => "Bewaard in de outbox, zelf te versturen",
        RequestDelivered => "Afgeleverd",
        RequestFailed => "Aflevering mislukt: het record blijft zoals het was",
        ConsentRequestLabel => "Toestemmingsverzoek",
        SkipAskedSince => "sindsdien al gevraagd",
        SkipAskedSinceLabel => {
            "Records overslaan die een toestemmingsverzoek kregen sinds (UTC, optioneel)"
        }
        SkipAskedSinceHint => {
            "Om de rest van een lijst te vragen waarvan een eerder verzoek werd afgebroken: records waarvan het verzoek sindsdien in de wachtrij staat of is afgeleverd, worden overgeslagen; records waarvan het verzoek mislukte, worden opnieuw gevraagd."
        }
        BulkConsentAskRest => "De rest van de lijst vragen",
        BulkConsentSkippingSince => {
            "Records die sindsdien een toestemmingsverzoek kregen, worden overgeslagen:"
        }
        ReportTitle => "Bewijs van een verzoek van een betrokkene",
        ReportRequestId => "Kenmerk van het verzoek",
        ReportRight => "Uitgeoefend recht",
        ReportReceivedThrough => "Ontvangen via",
        ReportDueOn => "Uiterlijk af op",
        ReportExtendedTo => "Verlengd tot",
        ReportClosedOn => "Afgesloten op",
        ReportToldRequester => "Aan de verzoeker gemeld",
        ReportWrittenAt => "geschreven",
        ReportEveryStep => "Elke stap",
        ReportEntryHash => "Hash van de regel",
        ReportChainIntro => {
            "Elke stap is een regel van de met hashes geketende audittrail van de organisatie; het nummer is de plaats in de keten. De hele keten, gecontroleerd toen dit rapport werd gemaakt:"
        }
        ReportChainIntact => "intact: elke regel klopt. Gecontroleerde regels:",
        ReportChainRedacted => {
            "Regels waarvan de details zijn gewist, elk vastgelegd door een wisregel:"
        }
        ReportCheckpointMatch => "Ze komt overeen met het ondertekende controlepunt van regel",
        ReportNoCheckpoint => {
            "Er was nog geen ondertekend controlepunt, dus regels die aan het eind zijn verwijderd, waren niet opgevallen."
        }
        ReportChainBroken => "VERBROKEN bij regel",
        ReportGenerated => "Rapport gemaakt op",
        ProblemEntryChanged => "de inhoud of koppeling van een regel klopt niet met de hash",
        ProblemEntryMissing => "er ontbreekt een regel in het midden",
        ProblemDetailChanged => "een detail klopt niet met wat de keten ervan vastlegt",
        ProblemDetailMissing => "een detail ontbreekt en geen wisregel zegt waarom",
        ProblemTruncated => "regels na een ondertekend controlepunt ontbreken",
        ProblemRehashed => {
            "de trail wijkt af van een ondertekend controlepunt: ze is gewijzigd en opnieuw gehasht"
        }
        ProblemEmptied => "de trail van de organisatie bevat helemaal geen regels",
        ProblemCheckpointInvalid => {
            "de handtekening van een controlepunt klopt niet met de auditsleutel van deze installatie"
        }
        RetentionIntro => {
            "Opslagbeperking (AVG art. 5, lid 1, onder e): elke dag zoekt Consentry naar records die langer dan de bewaartermijn worden bewaard zonder reden om ze te houden: geen grondslag, een toestemmingsverzoek dat nooit is beantwoord, ingetrokken of geweigerde toestemming, of een beëindigd contract. Records met een bewaarplicht of waarover een openstaand verzoek van een betrokkene loopt, blijven buiten beschouwing. Wissen werkt als een wisverzoek: er blijft niets van over, de adressen komen op de blokkeerlijst en de audittrail legt de ronde vast."
        }
        RetentionReviewed => "De records zijn zojuist gecontroleerd.",
        RetentionOff => {
            "Er is geen bewaartermijn ingesteld: records blijven bewaard tot iemand ze verwijdert en er wordt niets gecontroleerd. Stel een termijn in bij"
        }
        RetentionLastReview => "Laatste controle",
        RetentionNeverReviewed => "Nog niet gecontroleerd",
        RetentionAutoErase => "Verlopen records automatisch wissen na elke dagelijkse controle",
        RetentionAutoEraseHint => {
            "Uit: de records worden voor u opgesomd om te controleren en te wissen. Aan: Consentry wist ze zelf, behalve records met een bewaarplicht en records waarover een verzoek openstaat."
        }
        RetentionReviewNow => "Nu controleren",
        RetentionErasedCount => "Records gewist:",
        RetentionKeptCount => {
            "behouden (gewijzigd sinds de controle, met bewaarplicht of met een verzoek):"
        }
        RetentionConfirmTitle => "Deze records definitief wissen?",
        RetentionEraseButton => "Verlopen records wissen",
        RetentionConfirmBody => {
            "Elk opgesomd record wordt gewist met zijn toestemmingsgeschiedenis, berichten en links, zoals bij een wisverzoek. De adressen komen op de blokkeerlijst. Dit kan niet ongedaan worden gemaakt; een record dat sinds de controle is gewijzigd, blijft bewaard."
        }
        RetentionFound => "Verlopen gevonden",
        RetentionReason => "Reden",
        RecordCount => "Records",
        RetentionAllReasons => "Elke reden",
        RetentionNothing => "Niets verlopen: elk record heeft een reden om bewaard te worden.",
        RetentionSince => "Sinds",
        LapseNoBasis => "Geen grondslag (Niet van toepassing)",
        LapseNotResponded => "Toestemming niet beantwoord",
        LapseWithdrawn => "Toestemming ingetrokken",
        LapseDenied => "Toestemming geweigerd",
        LapseContractEnded => "Contract beëindigd",
        RecordRetention => "Bewaren",
        RecordRetentionHint => {
            "Een bewaarplicht houdt dit record vast, wat de bewaartermijn ook zegt, en voorkomt dat een wisverzoek het wist (AVG art. 17, lid 3, onder e), tot u die opheft. De dag waarop een contract eindigde, laat de bewaartermijn ingaan."
        }
        LegalHold => "Bewaarplicht",
        LegalHoldReason => "Waarom het bewaard wordt",
        ContractEndedOn => "Contract beëindigd op",
        RenewalDue => "Vernieuwing nodig",
        RenewalDueCount => "Toestemming toe aan vernieuwing",
        ConsentRenewal => "Vernieuwen van toestemming",
        ConsentRenewalHint => {
            "Toestemming geldt niet voor altijd: na de geldigheidsduur moet verkregen toestemming worden vernieuwd. Zoek die records met het filter Vernieuwing nodig en stuur ze een toestemmingsverzoek; zonder vernieuwd antwoord binnen de respijttermijn wordt de status Niet gereageerd."
        }
        ConsentAges => "Verkregen toestemming moet worden vernieuwd",
        ConsentLifetimeDays => "Geldigheidsduur van toestemming (dagen)",
        RenewalGraceDays => "Respijttermijn voor vernieuwing (dagen)",
        SelectRow => "Selecteer",
        SelectPage => "Selecteer alle rijen op deze pagina",
        Columns => "Kolommen",
        ColumnsShown => "Getoonde kolommen",
        OfTotal => "van",
        Pages => "Pagina's",
        RowsPerPage => "Rijen per pagina",
        PreviousPage => "Vorige pagina",
        NextPage => "Volgende pagina",
        AskForConsent => "Toestemming vragen",
        Export => "Exporteren",
        ScopeAllMatching => "Niets geselecteerd: acties gelden voor alle gevonden records,",
        ScopeSelected => "geselecteerd: acties gelden alleen voor deze records",
        ClearSelection => "Selectie wissen",
        RecordActions => "Acties voor records",
        ClosePanel => "Sluiten",
        ClearFilters => "Toon alle records (filters wissen)",
        ReviewChange => "Wijziging controleren",
        Actions => "Acties",
        SequenceNumber => "Nr.",
        AuditEntries => "Vermeldingen",
        Anyone => "Iedereen",
        FromDay => "Vanaf",
        UntilDay => "Tot en met",
        AuditDaysHint => {
            "Dagen lopen van middernacht tot middernacht in de tijdzone van de organisatie. De CSV-export bevat elke vermelding die aan de filters voldoet, oudste eerst, met haar hash."
        }
        NoAuditEntries => {
            "Geen vermeldingen voldoen aan deze filters. Verruim de periode of kies een andere actie of persoon."
        }
        RequestsInList => "verzoeken in deze lijst",
        Gpc => "GPC",
        Changes => "Wijzigingen",
        Day => "Dag",
        ShowTheNumbers => "Toon de getallen",
        NearestDeadlines => "Eerstvolgende deadlines",
        NoOpenRequests => "Geen openstaande verzoeken van betrokkenen.",
        AllRequests => "Alle verzoeken",
        UntilBeforeFrom => "Tot en met ligt vóór Vanaf: kies een einddag op of na de begindag.",
        RecordPageTitle => "Record",
        FormPageTitle => "Toestemmingsformulier",
        SortNewestFirst => "Nieuwste eerst tonen",
    }
}

/// The de of the frame's messages (see [`en_frame`]).
pub fn de_frame(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        AppName => "Consentry",
        Language => "Sprache",
        Loading => "Wird geladen…",
        SkipToContent => "Zum Inhalt springen",
        ErrorNetwork => {
            "Consentry ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut."
        }
        ErrorUnexpected => "Bei uns ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal.",
        ErrorSessionExpired => "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.",
        ErrorForbidden => "Ihr Profil erlaubt dies nicht. Wenden Sie sich an einen Administrator.",
        ErrorNotFound => "Dieses Element existiert nicht (mehr).",
        ErrorTooManyRequests => {
            "Zu viele Versuche. Warten Sie einige Minuten und versuchen Sie es erneut."
        }
        ErrorInvalidCredentials => "Falsche E-Mail-Adresse oder falsches Passwort.",
        ErrorCrossSite => {
            "Diese Änderung wurde zu Ihrer Sicherheit abgelehnt. Laden Sie die Seite neu und versuchen Sie es erneut."
        }
        ErrorConflictEmail => "Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse.",
        ErrorConflictSlug => {
            "Eine andere Organisation verwendet diesen Kurznamen. Wählen Sie einen anderen."
        }
        ErrorAlreadySetUp => "Consentry ist bereits eingerichtet. Melden Sie sich stattdessen an.",
        ErrorLastAdministrator => {
            "Dies ist der einzige Administrator. Machen Sie zuerst einen anderen Benutzer zum Administrator."
        }
        ErrorCannotRemoveSelf => {
            "Sie können sich nicht selbst entfernen. Wenden Sie sich an einen anderen Administrator."
        }
        FixFields => "Prüfen Sie die markierten Felder.",
        SignIn => "Anmelden",
        SignInTitle => "Bei Consentry anmelden",
        SignInIntro => {
            "Verwalten Sie Rechtsgrundlagen, Einwilligungen und Anträge betroffener Personen."
        }
        SigningIn => "Anmeldung läuft…",
        SignOut => "Abmelden",
        Email => "E-Mail-Adresse",
        Password => "Passwort",
        MainNavigation => "Hauptnavigation",
        NavGroupConsent => "Einwilligung",
        NavGroupCompliance => "Compliance",
        NavGroupOrganisation => "Organisation",
        NavComplianceSettings => "Compliance-Einstellungen",
        NavUsers => "Benutzer",
        UserMenu => "Benutzermenü",
        YourAccount => "Ihr Konto",
        SignedInAs => "Angemeldet als",
        NavRecords => "Datensätze",
        NavOverview => "Übersicht",
        NavAudit => "Prüfprotokoll",
        ErrorStopProcessing => {
            "Die Verarbeitung dieses Datensatzes ist eingeschränkt (Art. 18 DSGVO); er ist schreibgeschützt."
        }
        ErrorComplianceDisabled => {
            "Compliance ist für dieses Modul ausgeschaltet. Aktivieren Sie sie zuerst unter Einrichtung › Compliance-Einstellungen."
        }
        ErrorCountChanged => {
            "Die Anzahl passender Datensätze hat sich inzwischen geändert. Es wurde nichts geändert; prüfen Sie die Liste und versuchen Sie es erneut."
        }
        ErrorModuleTaken => "Es gibt bereits ein Modul mit diesem Namen.",
        NavConsentForms => "Einwilligungsformulare",
        NavTemplates => "E-Mail-Vorlagen",
        NavRequests => "Anträge",
        NavApiKeys => "API-Schlüssel und Webhooks",
        NavOutbox => "Postausgang",
        AreaNotLoadedTitle => "Diese Seite konnte nicht geöffnet werden",
        AreaNotLoaded => {
            "Ihr Code ist nicht angekommen: Die Verbindung wurde unterbrochen, oder Consentry wurde aktualisiert, seit Sie es geöffnet haben. Laden Sie die Seite neu, um fortzufahren; Gespeichertes geht nicht verloren."
        }
        ReloadPage => "Seite neu laden",
        LanguageNotLoaded => {
            "Diese Sprache konnte nicht geladen werden. Prüfen Sie die Verbindung und wählen Sie sie erneut."
        }
        PageNotFound => "Seite nicht gefunden",
        PageNotFoundHint => "Diese Adresse ist (nicht mehr) eine Seite von Consentry.",
        GoToStart => "Zu Ihrer Startseite",
        NavRetention => "Aufbewahrungsprüfung",
        ErrorLegalHold => {
            "Ein Datensatz hier unterliegt einer Aufbewahrungspflicht, daher wurde nichts gelöscht: Heben Sie die Pflicht zuerst im Abschnitt Aufbewahrung des Datensatzes auf (oder lehnen Sie einen Antrag auf Löschung unter Angabe des Grundes der Aufbewahrungspflicht ab)."
        }
        ErrorNoRetentionPeriod => {
            "Es ist keine Speicherdauer festgelegt: Legen Sie zuerst eine unter Einrichtung › Compliance-Einstellungen fest."
        }
        Dismiss => "Schließen",
        _ => return None,
    })
}

/// German (Deutsch): the terms of the DSGVO; formal "Sie".
/// German.
pub fn de(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        frame!() => de_frame(msg).unwrap_or_default(),
        Saving => "Wird gespeichert…",
        Save => "Speichern",
        Saved => "Gespeichert.",
        Remove => "Entfernen",
        FirstRunTitle => "Willkommen bei Consentry",
        FirstRunIntro => {
            "Legen Sie Ihre Organisation (den Verantwortlichen) und den ersten Administrator an."
        }
        OrganisationSection => "Organisation",
        OrganisationName => "Name der Organisation",
        OrganisationSlug => "Kurzname",
        OrganisationSlugHint => "Wird in öffentlichen Links verwendet, z. B. /privacy/acme-gmbh.",
        AdministratorSection => "Administrator",
        YourName => "Ihr Name",
        PasswordHint => "Mindestens 10 Zeichen. Ein kurzer Satz eignet sich gut.",
        CreateOrganisation => "Organisation anlegen",
        Creating => "Wird angelegt…",
        AccountTitle => "Ihr Konto",
        Organisation => "Organisation",
        ProfileLabel => "Profil",
        PermissionsLabel => "Berechtigungen",
        SessionEnds => "Sitzung endet",
        UsersTitle => "Benutzer",
        UsersIntro => {
            "Wer Consentry in Ihrer Organisation nutzen darf und was das jeweilige Profil erlaubt."
        }
        Name => "Name",
        AddUser => "Benutzer hinzufügen",
        AddUserIntro => {
            "Geben Sie das Anfangspasswort persönlich oder telefonisch an den Benutzer weiter."
        }
        InitialPassword => "Anfangspasswort",
        Adding => "Wird hinzugefügt…",
        UserAdded => "Benutzer hinzugefügt.",
        UserRemoved => "Benutzer entfernt.",
        ProfileChanged => "Profil geändert.",
        ConfirmRemoveUser => {
            "Seine Sitzungen enden sofort; was er getan hat, bleibt im Prüfprotokoll."
        }
        You => "Sie",
        ComplianceTitle => "Compliance-Einstellungen",
        ComplianceIntro => {
            "Aktivieren Sie die DSGVO-Compliance für Ihre Organisation und legen Sie fest, wie mit Einwilligungen umgegangen wird."
        }
        LocaleTitle => "Sprache und Zeitzone",
        LocaleIntro => {
            "Die Sprache, in der Sie betroffenen Personen schreiben, und die Zeitzone, in der jede Seite Zeitpunkte zeigt. Zeitpunkte werden in UTC gespeichert."
        }
        OrganisationLanguage => "Sprache Ihrer E-Mails",
        OrganisationLanguageHint => {
            "Eine Einwilligungsanfrage beginnt mit der E-Mail-Vorlage in dieser Sprache."
        }
        TimeZone => "Zeitzone",
        SaveLocale => "Sprache und Zeitzone speichern",
        TemplateLanguage => "Geschrieben auf",
        LanguageNotSaid => "Nicht angegeben",
        SampleValues => "Aus der Datei",
        ImportFormatsHint => {
            "Datumsangaben als JJJJ-MM-TT (2026-05-25) oder TT-MM-JJJJ (25-05-2026); ja oder nein als ja/nein, 1/0 oder wahr/falsch (auch yes/no); Zahlen als 3,5 oder 3.5."
        }
        ShowImportedRecords => "Datensätze dieses Imports anzeigen",
        OnlyImportedFrom => "Nur die Datensätze, importiert aus",
        OnlyOneImport => "Nur die Datensätze eines Imports",
        UnknownImport => {
            "Kein Import hat diese ID (der Link ist vielleicht abgeschnitten), daher wird kein Datensatz gezeigt"
        }
        RemoveImportFilter => "Diesen Filter entfernen",
        ControllerTitle => "Angaben zum Verantwortlichen",
        ControllerIntro => {
            "Wer für die personenbezogenen Daten verantwortlich ist und wie er erreichbar ist (Art. 13 DSGVO). Jeder Einwilligungsnachweis enthält diese Angaben; ein Einwilligungsformular kann daher erst veröffentlicht werden, wenn alle ausgefüllt sind."
        }
        ControllerContact => "Kontakt (Person oder Funktion)",
        ControllerStreet => "Straße und Hausnummer",
        ControllerPostalCode => "Postleitzahl",
        ControllerLocality => "Ort",
        ControllerCountry => "Ländercode",
        ControllerCountryHint => "Zwei Buchstaben, z. B. DE oder AT.",
        ControllerEmail => "E-Mail-Adresse für Datenschutzfragen",
        ControllerPhone => "Telefonnummer",
        ControllerUrl => "Website",
        SaveController => "Angaben zum Verantwortlichen speichern",
        EnableCompliance => "DSGVO-Compliance aktivieren",
        EnableComplianceHint => {
            "Datensätze erhalten einen Abschnitt Datenschutz mit einer Rechtsgrundlage; neue Datensätze beginnen mit Nicht zutreffend."
        }
        WaitingPeriod => "Wartezeit für Antworten auf Einwilligungsanfragen",
        WaitingPeriodHint => {
            "Nach so vielen Tagen ohne Antwort wechselt die Einwilligung zu Keine Antwort."
        }
        ProcessingWhilePending => "Solange die Einwilligung Ausstehend oder Wartend ist",
        ProcessingAllow => "Datensatz weiter verarbeiten",
        ProcessingRestrict => "Verarbeitung einschränken, bis die Einwilligung vorliegt",
        DoubleOptIn => "Double-Opt-in",
        DoubleOptInHint => {
            "Angemeldete Personen müssen ihre E-Mail-Adresse bestätigen, bevor die Einwilligung zählt."
        }
        Retention => "Speicherdauer",
        RetentionHint => {
            "Wie lange Datensätze aufbewahrt werden (Speicherbegrenzung, Art. 5 Abs. 1 lit. e DSGVO)."
        }
        RetentionKeep => "Bis zur Löschung aufbewahren",
        RetentionDays => "Nach einer Anzahl von Tagen löschen",
        Days => "Tage",
        RecordsTitle => "Datensätze",
        RecordsIntro => {
            "Alle Personen, über die Sie Daten speichern, mit der Rechtsgrundlage für deren Verarbeitung."
        }
        Filters => "Filter",
        Module => "Modul",
        AllModules => "Alle Module",
        UnknownModule => "Ein Modul, das es nicht gibt",
        LegalBasisLabel => "Rechtsgrundlage der Verarbeitung",
        AllBases => "Alle Rechtsgrundlagen",
        ConsentStatusLabel => "Einwilligungsstatus",
        AllStatuses => "Alle Status",
        DataSourceLabel => "Datenquelle",
        AllSources => "Alle Quellen",
        Search => "Suche",
        SearchHint => "Eine exakte E-Mail-Adresse oder der Anfang eines Vor- oder Nachnamens.",
        ApplyFilters => "Filter anwenden",
        NoRecords => "Keine passenden Datensätze.",
        LoadMore => "Mehr laden",
        NewRecord => "Neuer Datensatz",
        FirstName => "Vorname",
        LastName => "Nachname",
        Phone => "Telefon",
        Company => "Unternehmen",
        Country => "Land",
        CreateRecord => "Datensatz anlegen",
        BulkTitle => "Rechtsgrundlage ändern",
        BulkIntro => {
            "Gilt für die oben genannten Datensätze: die ausgewählten oder, wenn nichts ausgewählt ist, jeden Datensatz, der den Filtern entspricht; nur in Modulen mit aktivierter Compliance. Datensätze mit eingeschränkter Verarbeitung bleiben unverändert."
        }
        NewBasis => "Neue Rechtsgrundlage",
        LawfulReason => "Begründung der Rechtmäßigkeit",
        LawfulReasonRequired => "Begründung der Rechtmäßigkeit (Pflichtfeld)",
        ReasonHintBalancingTest => {
            "Berechtigte Interessen: Nennen Sie das Interesse und das Ergebnis Ihrer Interessenabwägung (warum es die Rechte der betroffenen Person überwiegt)."
        }
        ReasonHintLaw => {
            "Rechtliche Verpflichtung: Nennen Sie das Gesetz, das diese Verarbeitung vorschreibt, z. B. § 147 AO."
        }
        ReasonHintPublicTask => {
            "Öffentliches Interesse: Nennen Sie die öffentliche Aufgabe und das Gesetz, auf dem sie beruht."
        }
        ReasonHintVitalInterest => {
            "Lebenswichtige Interessen: Wessen Leben oder Gesundheit dies schützt und warum keine Einwilligung eingeholt werden kann."
        }
        ReasonHintContract => {
            "Empfohlen: der Vertrag, auf dem dies beruht, z. B. eine Bestell- oder Vertragsnummer. Ohne Angabe wird die Änderung mit einer Warnung gespeichert."
        }
        ConfirmBasisOne => "Rechtsgrundlage dieses Datensatzes ändern?",
        ConfirmBasisMany => "Datensätze erhalten die neue Rechtsgrundlage. Ändern?",
        NoReasonGiven => "Keine Angabe",
        WarningContractWithoutReason => {
            "Es ist kein Vertrag angegeben. Die Änderung wird gespeichert, aber eine Aufsichtsbehörde oder der DSB wird fragen, auf welchem Vertrag sie beruht."
        }
        ConfirmChangeBasis => "Ja, Rechtsgrundlage ändern",
        Cancel => "Abbrechen",
        ChangeBasis => "Rechtsgrundlage ändern",
        BulkDone => "Geänderte Datensätze:",
        Fields => "Angaben",
        SaveChanges => "Änderungen speichern",
        DataPrivacy => "Datenschutz",
        NotTracked => {
            "Compliance ist für dieses Modul ausgeschaltet, daher hat der Datensatz keinen Abschnitt Datenschutz."
        }
        ConsentDate => "Datum der Einwilligung",
        ConsentThroughLabel => "Einwilligung über",
        ContactThrough => "Kontakt über",
        ConsentRemarks => "Anmerkungen zur Einwilligung",
        MailSent => "Einwilligungsanfrage gesendet",
        StopProcessingBadge => "Verarbeitung gestoppt",
        CreatedLabel => "Angelegt",
        UpdatedLabel => "Zuletzt aktualisiert",
        ConsentByHand => {
            "Die Einwilligung wurde außerhalb von Consentry eingeholt (z. B. auf Papier oder telefonisch)"
        }
        History => "Verlauf von Rechtsgrundlage und Einwilligung",
        NoValue => "—",
        DeleteRecord => "Datensatz löschen",
        ConfirmDeleteRecord => {
            "Diesen Datensatz löschen? Sein Einwilligungsverlauf bleibt als Nachweis erhalten."
        }
        BasisChanged => "Rechtsgrundlage geändert.",
        BackToRecords => "Zurück zu den Datensätzen",
        ModulesTitle => "Module mit betroffenen Personen",
        ModulesIntro => {
            "Datensätze in ausgewählten Modulen erhalten einen Abschnitt Datenschutz; bestehende Datensätze beginnen mit Nicht zutreffend."
        }
        OverviewTitle => "Übersicht",
        OverviewIntro => {
            "Rechtsgrundlagen und Einwilligungen in allen Modulen mit aktivierter Compliance."
        }
        NotApplicableCount => "Datensätze mit Rechtsgrundlage Nicht zutreffend",
        WithBasisCount => "Datensätze mit einer Rechtsgrundlage",
        PerBasisChart => "Datensätze je Rechtsgrundlage",
        ConsentChart => "Einwilligungsstatus",
        ChangesChart => "Änderungen von Rechtsgrundlage und Einwilligung, letzte 30 Tage",
        AuditTitle => "Prüfprotokoll",
        AuditIntro => {
            "Jede compliance-relevante Aktion, in einer Hash-Kette: Wird ein Eintrag geändert oder entfernt, bricht die Kette."
        }
        VerifyChain => "Kette prüfen",
        ChainIntact => "Die Kette ist intakt. Geprüfte Einträge:",
        ChainBroken => "Die Kette ist unterbrochen bei Eintrag",
        ChainRedacted => {
            "Einträge, deren Details gelöscht wurden (jeweils durch einen Schwärzungseintrag festgehalten):"
        }
        ChainCheckedAgainst => "Abgeglichen mit dem signierten Prüfpunkt von Eintrag",
        ChainNoCheckpoint => {
            "Noch kein signierter Prüfpunkt: Am Ende entfernte Einträge würden nicht bemerkt. Signieren Sie unten einen."
        }
        SignCheckpoint => "Jetzt einen Prüfpunkt signieren",
        DownloadCheckpoint => "Neuesten Prüfpunkt herunterladen",
        CheckpointIntro => {
            "Ein Prüfpunkt ist der neueste Hash der Kette, signiert mit dem Schlüssel dieser Installation (der beim Hauptschlüssel liegt, nicht in der Datenbank). Bewahren Sie eine Kopie an anderer Stelle auf oder abonnieren Sie einen Webhook für audit.checkpoint: Werden später Einträge entfernt oder wird die Kette neu geschrieben, zeigt `consentry verify-audit --checkpoint DATEI` das an. Prüfpunkte werden außerdem stündlich signiert."
        }
        NewestCheckpoint => "Neuester Prüfpunkt: Eintrag",
        NoCheckpointYet => "Es wurde noch kein Prüfpunkt signiert.",
        AuditDetails => "Details",
        DetailRedacted => "Geschwärzt durch Eintrag",
        When => "Wann",
        Who => "Wer",
        Action => "Aktion",
        Subject => "Gegenstand",
        AddModule => "Modul hinzufügen",
        ModuleName => "Neues Modul",
        ModuleAdded => "Modul hinzugefügt.",
        AllActions => "Alle Aktionen",
        ImportRecords => "Datensätze aus CSV importieren",
        ImportTitle => "Datensätze importieren",
        ImportIntro => {
            "Laden Sie eine als UTF-8 gespeicherte CSV-Datei hoch, durch Kommas oder Semikolons getrennt, deren erste Zeile die Spalten benennt. Jede Zeile wird zu einem Datensatz; nicht verwendbare Zeilen werden mit Grund aufgeführt."
        }
        CsvFile => "CSV-Datei",
        ColumnMappingTitle => "Welche Spalte welches Feld füllt",
        Column => "Spalte",
        Field => "Feld",
        Ignore => "Nicht importieren",
        StartImport => "Import starten",
        ImportProgressLabel => "Importfortschritt",
        ImportFinished => "Import abgeschlossen.",
        ImportFailed => {
            "Der Import wurde wegen eines Serverfehlers abgebrochen. Zeilen abgeschlossener Stapel wurden importiert."
        }
        ImportInterrupted => {
            "Unterbrochen: Der Prozess, der diesen Import ausführte (der Server oder ein Import über die Befehlszeile), wurde währenddessen beendet."
        }
        ImportInterruptedHandled => "Verarbeitete Zeilen:",
        ImportInterruptedFrom => "Nicht importiert: Zeile",
        ImportInterruptedAgain => {
            "und folgende. Importieren Sie diese erneut aus einer Datei, die nur diese Zeilen mit derselben Kopfzeile enthält (die Datei selbst wurde nicht aufbewahrt)."
        }
        ImportedCount => "Importiert:",
        RefusedCount => "Abgelehnt:",
        RowErrors => "Nicht importierte Zeilen",
        Row => "Zeile",
        Reason => "Grund",
        ChooseFileFirst => "Wählen Sie zuerst eine CSV-Datei.",
        Yes => "Ja",
        ErasureConfirmationLabel => "Löschbestätigung an die antragstellende Person",
        JobImport => "Import einer Datei",
        JobBulkSend => "Einwilligungsanfrage an eine Liste",
        No => "Nein",
        Unset => "Nicht festgelegt",
        FieldsLink => "Felder",
        ModuleFieldsTitle => "Module und Felder",
        ModuleFieldsIntro => {
            "Jedes Modul hat die Standardfelder; fügen Sie unten eigene hinzu. Kennzeichnen Sie jedes Feld mit personenbezogenen Daten und ob es sensibel ist (Gesundheit, Religion, ethnische Herkunft und die anderen besonderen Kategorien nach Art. 9 DSGVO)."
        }
        FieldLabel => "Bezeichnung",
        FieldKey => "Schlüssel",
        FieldKindLabel => "Typ",
        FieldOptions => "Optionen",
        FieldOptionsHint => "Eine Option pro Zeile.",
        FieldRequired => "Pflichtfeld",
        PersonalLabel => "Personenbezogene Daten",
        StandardBadge => "Standard",
        AddField => "Feld hinzufügen",
        FieldAdded => "Feld hinzugefügt.",
        ConfirmDeleteField => "Sein Wert wird aus jedem Datensatz des Moduls entfernt.",
        PersonalFieldsCount => "Personenbezogene Felder",
        PersonalFieldsValue => "normal",
        SensitiveFieldsValue => "sensibel",
        DataSubjectRequests => "Anträge betroffener Personen",
        NoRequests => "Keine Anträge betroffener Personen zu diesem Datensatz.",
        FileRequest => "Einen per E-Mail, Telefon oder persönlich eingegangenen Antrag erfassen",
        RequestTypeLabel => "Antrag",
        RequestSourceLabel => "Eingegangen über",
        RequestedBy => "Gestellt von",
        ReceivedOn => "Eingegangen am",
        DueOn => "Fällig",
        RequestStatusLabel => "Status",
        RequestFiled => {
            "Antrag erfasst; er ist innerhalb eines Monats nach Eingang zu beantworten."
        }
        FileRequestButton => "Antrag erfassen",
        FormsIntro => {
            "Jedes Formular bittet betroffene Personen um ihre Einwilligung in Ihre Zwecke. Bearbeiten Sie den Entwurf in jeder Sprache, prüfen Sie die Vorschau und veröffentlichen Sie ihn: Jede veröffentlichte Version bleibt unverändert erhalten, mit einem Hash ihres Textes, als Nachweis dessen, worin eingewilligt wurde."
        }
        FormName => "Name des Formulars",
        CreateForm => "Formular anlegen",
        FormLinkName => "Name im Link",
        FormLanguages => "Sprachen",
        NotPublished => "Noch nicht veröffentlicht",
        PublishedVersion => "Veröffentlichte Version",
        UnpublishedChanges => "Der Entwurf enthält nicht veröffentlichte Änderungen.",
        SaveDraft => "Entwurf speichern",
        Publish => "Veröffentlichen",
        RevertToPublished => "Auf veröffentlichte Version zurücksetzen",
        Preview => "Vorschau",
        EditedLanguage => "Sprache, die Sie bearbeiten",
        AddLanguage => "Sprache hinzufügen",
        LanguageToAdd => "Hinzuzufügende Sprache",
        LanguageUntranslated => "nicht übersetzt",
        UntranslatedNotice => {
            "Diese Texte sind noch eine Kopie der Standardsprache. Betroffene Personen, die diese Sprache lesen, sehen sie mit einem Hinweis, dass sie noch nicht übersetzt sind. Bearbeiten Sie sie oder markieren Sie sie als übersetzt."
        }
        MarkTranslated => "Als übersetzt markieren",
        PublishUntranslatedTitle => "Mit nicht übersetzten Texten veröffentlichen?",
        PublishUntranslatedBody => {
            "Diese Sprachen zeigen noch die Texte der Standardsprache; betroffene Personen, die sie lesen, sehen einen Hinweis darauf:"
        }
        PublishAnyway => "Trotzdem veröffentlichen",
        DefaultLanguage => "Standardsprache",
        PurposesHeading => "Zwecke",
        PurposeKey => "Schlüssel",
        PurposeRequired => "Erforderlich",
        PurposeCategoryLabel => "Verwendet für (Global Privacy Control, Google Consent Mode)",
        AddPurpose => "Zweck hinzufügen",
        PurposeTitle => "Titel",
        PurposeDescription => "Beschreibung",
        FormTitleLabel => "Titel",
        FormIntroLabel => "Zwecktext",
        ChannelsHeadingLabel => "Überschrift über den Kanälen",
        RequiredLabelLabel => "Wort für einen erforderlichen Zweck",
        ConsentStatementLabel => "Einwilligungserklärung",
        PrivacyStatementLabel => "Datenschutzhinweis",
        SubmitLabelLabel => "Absenden-Schaltfläche",
        StopLabelLabel => "Schaltfläche zum Stoppen der Verarbeitung",
        ThanksLabel => "Danktext",
        PolicyUrl => "URL der Datenschutzerklärung (https)",
        LogoUrl => "URL des Logos (https)",
        BrandColour => "Markenfarbe",
        ShownChannels => "Angezeigte Kontaktkanäle",
        ChannelLabelFor => "Bezeichnung",
        DraftSaved => "Entwurf gespeichert.",
        FormPublishedMsg => "Veröffentlicht.",
        DraftReverted => "Der Entwurf ist wieder die veröffentlichte Version.",
        TextsHeading => "Texte",
        AppearanceHeading => "Aussehen und Links",
        ConsentRequestTitle => "Einwilligung per E-Mail anfragen",
        ConsentRequestHint => {
            "Die betroffene Person erhält einen persönlichen Link zum veröffentlichten Formular; er gilt bis zum Ende der Wartezeit."
        }
        FormToSend => "Formular",
        SendConsentRequest => "Einwilligungsanfrage senden",
        NoPublishedForms => {
            "Veröffentlichen Sie zuerst ein Einwilligungsformular (Einwilligung › Einwilligungsformulare)."
        }
        TemplatesIntro => {
            "Die Nachricht, die jeden Einwilligungslink enthält. Seriendruckfelder wie {{record.first_name}} werden für jeden Empfänger ausgefüllt; jeder Teil muss den Einwilligungslink enthalten."
        }
        NoTemplates => {
            "Noch keine Vorlagen: Einwilligungsanfragen verwenden die integrierte englische Nachricht."
        }
        NewTemplate => "Neue Vorlage",
        EditTemplate => "Vorlage bearbeiten",
        TemplateName => "Name",
        TemplateSubject => "Betreff",
        TemplateText => "Nachricht als reiner Text",
        TemplateHtml => "HTML-Nachricht (optional)",
        TemplateHtmlHint => {
            "Ohne sie wird die Nachricht nur als reiner Text gesendet. Hier eingesetzte Werte werden maskiert (escaped)."
        }
        MergeFieldsLabel => "Seriendruckfeld an der Cursorposition einfügen",
        SaveTemplate => "Vorlage speichern",
        DeleteTemplate => "Vorlage löschen",
        ConfirmDeleteTemplate => "Bereits damit gesendete Nachrichten bleiben im Postausgang.",
        TemplateSaved => "Vorlage gespeichert.",
        PreviewTitle => "Vorschau für einen Datensatz",
        PreviewSearch => "Datensatz suchen (Anfang eines Namens oder exakte E-Mail-Adresse)",
        PreviewRecord => "Datensatz",
        ShowPreview => "Vorschau anzeigen",
        PreviewLinkNote => {
            "Der Link in der Vorschau ist ein Beispiel; jeder Empfänger erhält seinen eigenen."
        }
        HtmlPreview => "HTML-Nachricht, wie sie ankommt",
        NoMatchingRecords => "Keine passenden Datensätze.",
        TemplateToSend => "Nachricht",
        BuiltInMessage => "Integrierte Nachricht (Englisch)",
        UpdatedAt => "Zuletzt geändert",
        SignUpTitle => "Öffentliche Anmeldung",
        SignUpIntro => {
            "Lassen Sie sich jeden mit diesem Formular unter einer eigenen Webadresse anmelden. Neue Anmeldungen werden zu Datensätzen des gewählten Moduls mit der Rechtsgrundlage Einwilligung; meldet sich eine Adresse erneut an, wird derselbe Datensatz aktualisiert."
        }
        SignUpModule => "Modul für neue Anmeldungen",
        SignUpOff => "Keines: Anmeldung ist ausgeschaltet",
        SignUpNoModules => {
            "Aktivieren Sie unter Compliance-Einstellungen die Compliance für ein Modul, um Anmeldungen anzunehmen."
        }
        DoubleOptInLabel => "Bestätigung per E-Mail (Double-Opt-in)",
        DoubleOptInDefaultOn => "Standard der Organisation (an)",
        DoubleOptInDefaultOff => "Standard der Organisation (aus)",
        DoubleOptInAlways => "Immer: Die Einwilligung zählt, sobald die Adresse bestätigt ist",
        DoubleOptInNever => "Nie: Die Einwilligung zählt sofort",
        SaveSignUp => "Anmeldeeinstellungen speichern",
        WidgetTitle => "Website-Widget",
        WidgetIntro => {
            "Zeigen Sie dieses Formular auf Ihrer eigenen Website, als Einwilligungsbanner für Besucher oder eingebettet als Anmeldeformular. Nur die hier aufgeführten Websites dürfen es laden."
        }
        WidgetOrigins => {
            "Websites, die das Formular einbetten dürfen, eine pro Zeile (z. B. https://www.example.org)"
        }
        WidgetConsentMode => "Google Consent Mode v2 über die Entscheidungen im Banner steuern",
        SaveWidget => "Widget-Einstellungen speichern",
        WidgetSaved => "Widget-Einstellungen gespeichert.",
        WidgetBannerSnippet => {
            "Banner: in jede Seite einfügen, vor den anderen Skripten der Website"
        }
        WidgetInlineSnippet => {
            "Eingebettetes Formular: dort einfügen, wo das Formular erscheinen soll"
        }
        WidgetNeedsPublish => "Veröffentlichen Sie das Formular, bevor Sie es einbetten.",
        WidgetNoOrigins => {
            "Fügen Sie mindestens eine Website hinzu, um das Formular einzubetten; bis dahin wird jede Website abgewiesen."
        }
        WidgetDecisions => "Entscheidungen im Banner",
        WidgetAcceptedAll => "alles akzeptiert",
        WidgetRejectedAll => "alles abgelehnt",
        WidgetWithGpc => "mit Global Privacy Control",
        WidgetLogHeading => "Einwilligungsprotokoll (neueste 20)",
        WidgetLogReceipt => "Nachweis-ID",
        WidgetLogFind => "Suchen",
        WidgetLogDecision => "Entscheidung",
        WidgetLogGranted => "Erlaubte Zwecke",
        WidgetLogSite => "Website",
        WidgetLogEmpty => "Keine Entscheidungen gefunden.",
        WidgetConsentDomain => "Einwilligungsdomain (optional)",
        WidgetConsentDomainHint => {
            "Ihre eigene Domain, z. B. example.org: Alle Websites darunter (www.example.org, shop.example.org) teilen sich dann eine Entscheidung. Öffentliche Suffixe wie co.uk werden abgewiesen."
        }
        WidgetLifetime => "Wie lange eine Entscheidung gilt",
        WidgetLifetimeDays => "Tage, bis Besucher erneut gefragt werden (höchstens 395)",
        WidgetRefusalDays => "Tage, die eine vollständige Ablehnung gilt, falls kürzer (optional)",
        WidgetElsewhere => "Besucher aus anderen Regionen erhalten",
        WidgetElsewhereHint => {
            "Besucher aus der EU, dem EWR, dem Vereinigten Königreich und der Schweiz erhalten immer das Banner; Besucher aus US-Bundesstaaten mit Opt-out-Gesetzen erhalten einen Hinweis mit „Meine personenbezogenen Daten nicht verkaufen oder weitergeben“, und Global Privacy Control wird beachtet. Wo sich ein Besucher befindet, ergibt sich aus den Headern Ihres Proxys, der in der Serverkonfiguration angegeben ist."
        }
        WidgetCookies => "Cookies je Zweck",
        WidgetCookiesHint => {
            "Die Cookies, die die Tags jedes Zwecks setzen, durch Kommas getrennt; beenden Sie einen Namen mit * für ein Präfix (_ga*). Widerruft ein Besucher den Zweck, löscht das Widget sie."
        }
        WidgetCookiesOf => "Cookies von „{purpose}“",
        WidgetTags => "Google- und Microsoft-Tags",
        WidgetAdvanced => {
            "Erweiterter Modus: Google-Tags laden sofort und senden bis zur Einwilligung cookielose Pings (einfacher Modus: Sie laden erst nach der Einwilligung)"
        }
        WidgetAdsDataRedaction => {
            "Klick-IDs für Werbung schwärzen, solange Werbespeicherung abgelehnt ist (ads_data_redaction)"
        }
        WidgetUrlPassthrough => {
            "Klick-IDs über Links weitergeben, solange Speicherung abgelehnt ist (url_passthrough)"
        }
        WidgetWaitForUpdate => {
            "Millisekunden, die Tags auf die Antwort des Besuchers warten (wait_for_update)"
        }
        WidgetMicrosoftUet => "Microsoft UET (Bing Ads) die Werbeentscheidung mitteilen",
        WidgetMarkupHeading => "Kennzeichnen, was eine Einwilligung erfordert",
        WidgetMarkupHint => {
            "Nichts Gekennzeichnetes wird ausgeführt oder geladen, bevor sein Zweck (oder seine Kategorie) erlaubt ist, auch wenn das Widget nicht laden kann."
        }
        WidgetFiguresHeading => "Einwilligungsrate (letzte 30 Tage)",
        WidgetFiguresHint => {
            "Gezählt, ohne jemanden zu verfolgen: ein Zähler je Version, Regel und Tag angezeigter Banner; es werden keine Kennung, kein Cookie und keine Adresse gespeichert. Die Opt-in-Rate ist der Anteil der Entscheidungen, die den Zweck erlaubt haben."
        }
        WidgetFiguresEmpty => "In den letzten 30 Tagen wurde kein Banner angezeigt.",
        WidgetFiguresCsv => "Zahlen herunterladen (CSV)",
        WidgetShown => "Banner angezeigt",
        WidgetCustomised => "je Zweck gewählt",
        WidgetOptInRate => "Opt-in-Rate je Zweck",
        WidgetVersion => "Version",
        WidgetRegionTesting => {
            "Seiten die Region des Besuchers mit ?consentry_region= festlegen lassen (nur zum Testen der Regeln: Jeder könnte einen solchen Link verwenden)"
        }
        WidgetLogRule => "Regel",
        SignUpSaved => "Anmeldeeinstellungen gespeichert.",
        SignUpAddress => "Öffentliche Adresse",
        SignUpNeedsPublish => {
            "Veröffentlichen Sie zuerst das Formular: Die öffentliche Seite zeigt die veröffentlichte Version."
        }
        RequestsIntro => {
            "Anträge betroffener Personen, die nächste Frist zuerst. Beantworten Sie sie innerhalb eines Monats (Art. 12 Abs. 3 DSGVO); die Frist kann mit Begründung um höchstens zwei Monate verlängert werden."
        }
        AnyType => "Alle Rechte",
        AnyStatus => "Alle Status",
        Overdue => "Überfällig",
        DueSoon => "Fällig innerhalb von 7 Tagen",
        NoQueue => {
            "Keine passenden Anträge. Anträge kommen über das Datenschutzcenter herein oder werden auf der Seite eines Datensatzes von Hand erfasst (Anträge betroffener Personen)."
        }
        RecordsFound => "Datensätze",
        RequestTitle => "Antrag der betroffenen Person",
        Deadline => "Frist",
        ExtendedBecause => "Verlängert, weil",
        RejectedBecause => "Abgelehnt, weil",
        ClosedBy => "Abgeschlossen von",
        RequestMessages => "Nachrichten an die antragstellende Person",
        RequestDetails => "Was beantragt wurde",
        NoLinkedRecords => "Kein Datensatz enthält diese Adresse.",
        VerifyRequest => "Identität geprüft",
        StartRequest => "Bearbeitung beginnen",
        CompleteRequest => "Als erledigt markieren",
        RejectRequest => "Ablehnen",
        ExtendRequest => "Frist verlängern",
        ReasonLabel => "Grund (wird der betroffenen Person mitgeteilt)",
        MonthsLabel => "Verlängern um",
        OneMonth => "1 Monat",
        TwoMonths => "2 Monate",
        RequestUpdated => "Antrag aktualisiert.",
        OpenRequests => "Offene Anträge",
        OverdueRequests => "Überfällige Anträge",
        EraseSubject => "Daten der betroffenen Person löschen",
        EraseHint => {
            "Löscht die hier aufgeführten Datensätze mit ihrem Einwilligungsverlauf, ihren Links und Nachrichten und entfernt die Adresse aus allen Anträgen. Erhalten bleiben: dieser Antrag mit seinen Datumsangaben und ein schlüsselbasierter Hash der Adresse, damit ein späterer Import erkannt wird. Dies kann nicht rückgängig gemacht werden."
        }
        ConfirmErase => {
            "Die gefundenen Datensätze werden jetzt gelöscht: Nichts von ihnen bleibt, und ihre Adressen kommen auf die Sperrliste. Dies kann nicht rückgängig gemacht werden."
        }
        SubjectErasedTold => {
            "Die personenbezogenen Daten der betroffenen Person sind gelöscht. Sie hat eine Bestätigung erhalten; Consentry bewahrt keine Kopie davon auf."
        }
        SubjectErasedNoSmtp => {
            "Die personenbezogenen Daten der betroffenen Person sind gelöscht. Es ist kein SMTP-Server konfiguriert, teilen Sie es ihr also selbst mit: Consentry hat ihre Adresse nicht mehr."
        }
        SubjectErasedNotDelivered => {
            "Die personenbezogenen Daten der betroffenen Person sind gelöscht, aber die Bestätigung konnte nicht zugestellt werden. Teilen Sie es ihr selbst mit: Consentry hat ihre Adresse nicht mehr."
        }
        SendConsentRequests => "Einwilligungsanfragen senden",
        BulkConsentConfirmBody => {
            "Jeder Datensatz erhält per E-Mail seinen eigenen Link zum gewählten Formular. Datensätze, die nicht angefragt werden können, werden übersprungen und gezählt; ein Datensatz wechselt erst zu Wartend, wenn seine Mail zugestellt ist."
        }
        ConfirmDeleteRecordTitle => "1 Datensatz löschen?",
        DeleteOneRecord => "1 Datensatz löschen",
        ConfirmationDelivered => "zugestellt: Der Mailserver hat sie angenommen",
        ConfirmationRetrying => {
            "noch nicht zugestellt: wird bis zu einer Stunde lang aus dem Arbeitsspeicher erneut versucht"
        }
        ConfirmationFailed => {
            "nicht zugestellt: Der Mailserver hat sie abgewiesen oder die Wiederholungsversuche sind erschöpft"
        }
        ConfirmationInterrupted => {
            "nicht zugestellt: Consentry wurde während der Wiederholungsversuche beendet; informieren Sie die betroffene Person auf anderem Weg"
        }
        ConfirmationNoSmtp => "nicht gesendet: Es ist kein SMTP-Server konfiguriert",
        ConfirmationNoAddress => "nicht gesendet: Der Antrag nennt keine E-Mail-Adresse",
        ReasonErasure => "Löschung auf Antrag",
        ReasonNotConfirmed => "nicht innerhalb der Wartezeit bestätigt",
        ReasonStopRequested => "Antrag der betroffenen Person: Verarbeitung stoppen",
        ReasonObjected => "Widerspruch der betroffenen Person (Art. 21 DSGVO)",
        ReasonResumed => "Verarbeitung fortgesetzt:",
        StepVerify => "Identität geprüft",
        StepStart => "Bearbeitung begonnen",
        StepComplete => "Abgeschlossen",
        StepReject => "Abgelehnt",
        StepExtend => "Frist verlängert",
        StepExportQueued => {
            "Exportlink erstellt und zum Versand an die antragstellende Person eingereiht (Zustellung siehe „Der antragstellenden Person mitgeteilt“)"
        }
        ReasonRectification => "Antrag auf Berichtigung",
        SearchText => "(Suchtext)",
        SubjectErasedRetrying => {
            "Die personenbezogenen Daten der betroffenen Person sind gelöscht. Der Mailserver konnte die Bestätigung noch nicht annehmen: Consentry versucht es bis zu einer Stunde lang erneut, nur aus dem Arbeitsspeicher (sie wird nicht gespeichert). Das Prüfprotokoll zeigt, ob sie zugestellt wurde."
        }
        SubjectErasedNoAddress => {
            "Die personenbezogenen Daten der betroffenen Person sind gelöscht. Der Antrag nennt keine E-Mail-Adresse: Teilen Sie es ihr selbst mit."
        }
        EncryptionColumn => "Verschlüsselt gespeichert",
        EncryptedLabel => "Verschlüsseln",
        EncryptionOff => "Wie eingegeben gespeichert",
        EncryptionOn => "Verschlüsselt",
        EncryptionEncrypting => "Vorhandene Werte werden verschlüsselt…",
        EncryptionDecrypting => "Werte werden entschlüsselt…",
        EncryptionNotPossible => "Ja/Nein- und Auswahllistenfelder werden nicht verschlüsselt.",
        EncryptionHint => {
            "Verschlüsselte Werte werden mit AES-256-GCM gespeichert und können ohne die Schlüsseldatei weder aus der Datenbankdatei noch aus einer Sicherung gelesen werden. Eine verschlüsselte E-Mail-Adresse bleibt über die exakte Adresse auffindbar; verschlüsselte Namen werden nicht durchsucht, und Datensätze können nicht nach ihnen sortiert werden."
        }
        EncryptionJobsTitle => "Verschlüsselung läuft",
        JobEncrypt => "Verschlüsselung der Werte von",
        JobDecrypt => "Entschlüsselung der Werte von",
        JobRotate => "Neuverschlüsselung aller Werte mit dem neuesten Schlüssel",
        JobDone => "Fertig",
        JobFailed => "Abgebrochen",
        MaskedTitle => "Sensible Werte",
        MaskedIntro => {
            "Ihr Profil zeigt diese maskiert an. Das Aufdecken eines Wertes wird unter Ihrem Namen im Prüfprotokoll festgehalten."
        }
        Reveal => "Aufdecken",
        NotSearchedPrefix => "Nicht durchsucht, da verschlüsselt:",
        NotSearchedSuffix => {
            "Suchen Sie nach der exakten E-Mail-Adresse, um diese Datensätze zu finden."
        }
        HandlingTitle => "Umgang mit personenbezogenen Daten",
        HandlingHint => {
            "Welche personenbezogenen Felder weggelassen werden, wenn Datensätze Consentry verlassen. Der eigene Export einer betroffenen Person enthält immer alles über sie. Die Felder für „Von mir gewählte Felder weglassen“ wählen Sie unter Module und Felder."
        }
        DestinationExports => "CSV- und JSON-Exporte durch Mitarbeitende",
        DestinationApi => "Abrufe über die REST-API mit einem API-Schlüssel",
        DestinationWebhooks => "Webhook-Nutzdaten",
        ExcludeNone => "Nichts weglassen",
        ExcludeSensitive => "Sensible Felder weglassen",
        ExcludeAllPersonal => "Alle personenbezogenen Felder weglassen",
        ExcludeChosen => "Von mir gewählte Felder weglassen",
        LeftOutColumn => "Weggelassen bei",
        ExportCsv => "CSV exportieren",
        ExportJson => "JSON exportieren",
        CsvSeparatorLabel => "CSV-Trennzeichen",
        ExportHintList => {
            "Der Export enthält die oben genannten Datensätze: die ausgewählten oder, wenn nichts ausgewählt ist, jeden Datensatz, der den Filtern entspricht (höchstens 100.000), gemäß den Einstellungen zum Umgang mit personenbezogenen Daten; jeder Export wird im Prüfprotokoll festgehalten."
        }
        ShortExports => "Exporte",
        ShortApi => "API",
        ShortWebhooks => "Webhooks",
        ApiKeysTitle => "API-Schlüssel",
        ApiKeysIntro => {
            "Mit Schlüsseln können andere Systeme (ein CRM, ein Shop, ein Mailing-Tool) die API von Consentry nutzen, ohne dass sich eine Person anmeldet: Senden Sie `Authorization: Bearer <key>`. Jeder Schlüssel darf nur, was seine Bereiche erlauben."
        }
        ApiKeyShownOnce => "Kopieren Sie diesen Schlüssel jetzt: Er wird nur einmal angezeigt",
        ApiKeyUsage => {
            "Consentry speichert nur einen Hash davon. Verloren? Widerrufen Sie ihn und erstellen Sie einen neuen."
        }
        ApiKeyRevoked => "Der Schlüssel ist widerrufen; er funktioniert nicht mehr.",
        NoApiKeys => "Noch keine API-Schlüssel.",
        ConfirmRevokeKey => "Systeme, die ihn verwenden, funktionieren sofort nicht mehr.",
        ConfirmRemoveWebhook => {
            "Consentry sendet ab sofort keine Ereignisse mehr an diese Adresse."
        }
        ScopeRecordsRead => "Datensätze, Module und Felder lesen",
        ScopeRecordsWrite => "Datensätze und ihre Rechtsgrundlage anlegen, ändern und löschen",
        ScopeSettingsRead => "Compliance-Einstellungen lesen",
        ScopeConsentRead => "Einwilligungsereignisse eines Datensatzes lesen",
        ScopeConsentWrite => "Datensätzen Einwilligungsanfragen per E-Mail senden",
        ScopeDsrRead => "Anträge betroffener Personen, ihre Exporte und die Sperrliste lesen",
        ScopeDsrWrite => "Anträge betroffener Personen erfassen und bearbeiten",
        ApiKeyPrefix => "Schlüssel",
        Scopes => "Bereiche",
        LastUsed => "Zuletzt verwendet",
        NeverUsed => "Nie",
        Revoked => "Widerrufen",
        Revoke => "Widerrufen",
        CreateApiKey => "API-Schlüssel erstellen",
        ApiKeyName => "Wofür wird er verwendet?",
        ApiReference => "API-Referenz: alle Routen, ihre Parameter, Bereiche und Antworten",
        WebhooksTitle => "Webhooks",
        WebhooksIntro => {
            "Consentry sendet jedes gewählte Ereignis per POST an Ihre öffentliche https://-Adresse, signiert nach Standard Webhooks: Prüfen Sie die Header webhook-id, webhook-timestamp und webhook-signature mit einer Standard-Webhooks-Bibliothek und dem Geheimnis (whsec_…) und weisen Sie Zustellungen zurück, die älter als 5 Minuten sind. Jede Antwort außer 2xx wird 24 Stunden lang mit wachsenden Pausen und derselben webhook-id erneut versucht; Weiterleitungen werden nicht verfolgt. Eine dann noch nicht angenommene Zustellung ist unzustellbar: „Wiederholen“ sendet sie noch einmal. Personenbezogene Felder folgen der Einstellung zum Umgang mit personenbezogenen Daten für Webhooks (sensible Felder werden weggelassen, sofern Sie nichts anderes wählen); Löschereignisse enthalten keine personenbezogenen Daten."
        }
        WebhookSecretOnce => {
            "Kopieren Sie dieses Signaturgeheimnis jetzt: Es wird nur einmal angezeigt."
        }
        WebhookLegacySecret => {
            "altes Geheimnis: Fügen Sie den Webhook erneut hinzu, um ein Standard-Webhooks-Geheimnis zu erhalten"
        }
        WebhookUrl => "Adresse (https://)",
        WebhookEvents => "Ereignisse",
        AddWebhook => "Webhook hinzufügen",
        DeliveryLog => "Zustellungen",
        Refresh => "Aktualisieren",
        DeliveryState => "Zustand",
        Attempts => "Versuche",
        ReceiverAnswer => "Antwort",
        DeliveryPending => "Wird wiederholt",
        DeliveryDelivered => "Zugestellt",
        DeliveryDead => "Unzustellbar: nicht innerhalb von 24 Stunden angenommen",
        RetryDelivery => "Wiederholen",
        DeliveryRetried => "Erneut eingereiht: Sie wird mit derselben webhook-id gesendet.",
        FailureTargetNotAllowed => "Zieladresse nicht erlaubt",
        FailureConnect => "keine Verbindung möglich",
        FailureTimeout => "keine rechtzeitige Antwort",
        FailureRedirected => "Weiterleitung, nicht verfolgt",
        FailurePayload => "Consentry konnte die Nutzdaten nicht erstellen",
        EventConsentChanged => "die Einwilligung eines Datensatzes hat sich geändert",
        EventBasisChanged => "die Rechtsgrundlage eines Datensatzes hat sich geändert",
        EventDsrCreated => "ein Antrag einer betroffenen Person wurde erfasst",
        EventDsrCompleted => "ein Antrag einer betroffenen Person wurde abgeschlossen",
        EventRecordErased => "die Daten einer betroffenen Person wurden gelöscht",
        EventAuditCheckpoint => "das Prüfprotokoll wurde signiert (ein aufzubewahrender Prüfpunkt)",
        ReviewExport => "Export zur Prüfung herunterladen",
        SendExport => "Der betroffenen Person den Download-Link senden",
        ExportHint => {
            "Eine ZIP-Datei aller Datensätze mit dieser Adresse, mit ihrem Verlauf, ihren Einwilligungsentscheidungen und Anträgen (JSON und CSV). Die betroffene Person erhält einen Link, der 7 Tage gültig ist; die Datei wird nie an eine Mail angehängt."
        }
        ExportSent => "Der Download-Link ist unterwegs; der Antrag ist abgeschlossen.",
        StopRecords => "Verarbeitung der Datensätze stoppen",
        StopRecordsHint => {
            "Die hier aufgeführten Datensätze werden schreibgeschützt und von E-Mails und Massenaktionen ausgenommen, bis der Stopp mit einer Begründung aufgehoben wird."
        }
        OverridingGrounds => {
            "Zwingende schutzwürdige Gründe (leer lassen, um dem Widerspruch stattzugeben)"
        }
        DecideObjection => "Über den Widerspruch entscheiden",
        ObjectionHint => {
            "Stattgegeben: Datensätze, die auf Grundlage berechtigter Interessen verarbeitet werden, werden nicht mehr verarbeitet. Mit zwingenden schutzwürdigen Gründen wird der Widerspruch abgelehnt, und der betroffenen Person werden diese Gründe mitgeteilt."
        }
        ResumeTitle => "Die Verarbeitung ist gestoppt",
        ResumeReason => "Warum darf die Verarbeitung fortgesetzt werden?",
        ResumeProcessing => "Verarbeitung fortsetzen",
        SubjectAsked => "Die betroffene Person hat beantragt",
        ApplyCorrection => "Berichtigung auf diesen Datensatz anwenden",
        CorrectionApplied => {
            "Berichtigung angewendet. Schließen Sie den Antrag ab, wenn alle Datensätze stimmen."
        }
        SendDataRequestLink => "Link zum Datenschutzcenter per E-Mail senden",
        DataRequestLinkDone => {
            "Der Link zum Datenschutzcenter ist unterwegs zur betroffenen Person."
        }
        EvidenceReport => "Nachweisbericht herunterladen",
        OutboxIntro => "Jede Nachricht, die Consentry sendet, mit ihrem Zustellstatus.",
        OutboxNoSmtp => {
            "Es ist kein SMTP-Server konfiguriert, daher werden Nachrichten hier aufbewahrt und nicht zugestellt. Öffnen Sie jede mit „Manuell senden“ und versenden Sie sie selbst: Der Datensatz einer Einwilligungsanfrage wartet erst ab dann, nicht vorher."
        }
        Recipient => "Empfänger",
        MessageSubject => "Betreff",
        DeliveryLabel => "Zustellung",
        CreatedAt => "Erstellt",
        EmptyOutbox => {
            "Noch keine Nachrichten. Sie erscheinen hier, sobald Consentry betroffenen Personen schreibt: Einwilligungsanfragen (Datensätze › Einwilligung erfragen), Bestätigungen von Anmeldungen, Codes des Datenschutzcenters."
        }
        DeliveryStored => "Im Postausgang aufbewahrt",
        DeliveryQueued => "Eingereiht",
        DeliverySent => "Gesendet",
        DeliveryFailed => "Fehlgeschlagen",
        OutboxSmtp => {
            "Nachrichten werden über den konfigurierten SMTP-Server zugestellt und mit wachsenden Pausen erneut versucht, solange er sie nicht annimmt; bei jeder steht, was der Server geantwortet hat. Persönliche Links werden maskiert angezeigt."
        }
        BulkConsentTitle => "Per E-Mail um Einwilligung bitten",
        BulkConsentIntro => {
            "Jeder oben genannte Datensatz (die ausgewählten oder, wenn nichts ausgewählt ist, alle passenden) erhält seinen eigenen Link zum gewählten Formular. Datensätze, die nicht angefragt werden können (keine E-Mail-Adresse, Verarbeitung gestoppt, zuvor verweigert, Rechtsgrundlage nicht Einwilligung), werden übersprungen und gezählt."
        }
        ConfirmBulkConsent => "Datensätze werden um Einwilligung gebeten. Fortfahren?",
        BulkConsentProgress => "Einwilligungsanfragen",
        MinutesLeft => "noch etwa {n} Min.",
        UnderAMinuteLeft => "noch weniger als eine Minute",
        Copy => "Kopieren",
        Copied => "Kopiert",
        CopyRefused => {
            "Der Browser hat das Kopieren verweigert; markieren Sie den Text und kopieren Sie ihn selbst."
        }
        SigningSecret => "Signaturgeheimnis",
        BulkConsentSkipped => "Übersprungen:",
        SkipNoEmail => "keine E-Mail-Adresse",
        SkipDeleted => "inzwischen gelöscht",
        SkipStopProcessing => "Verarbeitung gestoppt",
        SkipDenied => "zuvor verweigert",
        SkipNotConsent => "Rechtsgrundlage nicht Einwilligung",
        SkipCompliance => "Compliance aus",
        SkipEmailHidden => "Formular blendet E-Mail aus",
        SkipOther => "andere Gründe",
        SkipAnswered => "bereits beantwortet",
        KindConsentRequest => "Einwilligungsanfrage",
        KindSignUpConfirmation => "Anmeldebestätigung",
        KindPrivacyCentreCode => "Code für das Datenschutzcenter",
        KindRequestNotice => "Mitteilung zu einem Antrag",
        KindExportLink => "Link zum Datenexport",
        KindOther => "Nachricht",
        MessageKindLabel => "Art",
        OutboxMessagesRetried => "Erneut eingereihte Nachrichten:",
        OutboxMessageRetried => {
            "Erneut eingereiht: Sie wird gesendet, sobald der Mailserver sie annimmt."
        }
        OutboxMessageRenewed => {
            "Ihr Link funktionierte nicht mehr, daher wurde an ihrer Stelle eine neue Einwilligungsanfrage mit neuem Link eingereiht."
        }
        HandedOverTitle => "Diese Nachricht manuell senden",
        HandedOverHint => {
            "Kopieren Sie sie jetzt in eine Mail an den Empfänger: Sie wird nur dieses eine Mal mit dem persönlichen Link angezeigt. Sie wird als gesendet markiert, und der Datensatz einer Einwilligungsanfrage wartet ab jetzt."
        }
        OutboxFailedCount => "Nachrichten wurden nicht zugestellt.",
        RetryFailed => "Fehlgeschlagene wiederholen",
        RetryMessage => "Wiederholen",
        HandOver => "Manuell senden",
        NextAttempt => "nächster Versuch",
        MessageReplaced => "durch eine neuere Nachricht ersetzt",
        BulkConsentRequested => "Gestellte Anfragen:",
        BulkConsentQueued => "Eingereiht:",
        BulkConsentStored => "Im Postausgang aufbewahrt:",
        BulkConsentDelivered => "Zugestellt:",
        BulkConsentFailed => "Nicht zugestellt:",
        BulkConsentUndelivered => {
            "Einige Anfragen wurden nicht zugestellt; ihre Datensätze bleiben unverändert. Wiederholen Sie sie im"
        }
        BulkConsentInterrupted => {
            "Unterbrochen: Der Server wurde während dieser Massenanfrage beendet. Die hier gezählten Anfragen liegen im Postausgang und werden wie gewohnt gesendet; die anderen Datensätze wurden nicht angefragt. Fragen Sie den Rest der Liste an: Wen diese Anfrage erreicht hat, wird übersprungen."
        }
        ConsentRequestStoredMsg => {
            "Einwilligungsanfrage im Postausgang aufbewahrt: Senden Sie sie dort manuell. Der Datensatz wartet, sobald Sie das tun."
        }
        ConsentRequestQueuedMsg => {
            "Einwilligungsanfrage eingereiht: Der Datensatz wartet, sobald der Mailserver sie annimmt."
        }
        ConsentRequestDeliveredMsg => {
            "Einwilligungsanfrage zugestellt: Der Mailserver hat sie angenommen, und der Datensatz wartet auf eine Antwort."
        }
        ConsentRequestFailedMsg => {
            "Einwilligungsanfrage nicht zugestellt: Der Datensatz bleibt unverändert. Siehe Postausgang."
        }
        RequestQueued => "Für den Mailserver eingereiht",
        RequestStored => "Im Postausgang aufbewahrt, zum manuellen Senden",
        RequestDelivered => "Zugestellt",
        RequestFailed => "Zustellung fehlgeschlagen: Der Datensatz bleibt unverändert",
        ConsentRequestLabel => "Einwilligungsanfrage",
        SkipAskedSince => "seitdem angefragt",
        SkipAskedSinceLabel => {
            "Datensätze überspringen, die seit diesem Zeitpunkt eine Einwilligungsanfrage erhalten haben (UTC, optional)"
        }
        SkipAskedSinceHint => {
            "Um den Rest einer Liste anzufragen, deren frühere Anfrage abgebrochen wurde: Datensätze, deren Anfrage seitdem eingereiht oder zugestellt wurde, werden übersprungen; solche, deren Anfrage fehlgeschlagen ist, werden erneut angefragt."
        }
        BulkConsentAskRest => "Den Rest der Liste anfragen",
        BulkConsentSkippingSince => {
            "Datensätze, die seitdem eine Einwilligungsanfrage erhalten haben, werden übersprungen:"
        }
        ReportTitle => "Nachweis zu einem Antrag einer betroffenen Person",
        ReportRequestId => "Antragsnummer",
        ReportRight => "Ausgeübtes Recht",
        ReportReceivedThrough => "Eingegangen über",
        ReportDueOn => "Fällig am",
        ReportExtendedTo => "Verlängert bis",
        ReportClosedOn => "Abgeschlossen am",
        ReportToldRequester => "Der antragstellenden Person mitgeteilt",
        ReportWrittenAt => "verfasst",
        ReportEveryStep => "Alle Schritte",
        ReportEntryHash => "Hash des Eintrags",
        ReportChainIntro => {
            "Jeder Schritt ist ein Eintrag im hash-verketteten Prüfprotokoll der Organisation; seine Nummer ist seine Position in der Kette. Die gesamte Kette, geprüft bei Erstellung dieses Berichts:"
        }
        ReportChainIntact => "intakt: Jeder Eintrag ist verifiziert. Geprüfte Einträge:",
        ReportChainRedacted => {
            "Einträge, deren Details gelöscht wurden, jeweils durch einen Schwärzungseintrag festgehalten:"
        }
        ReportCheckpointMatch => "Sie stimmt mit dem signierten Prüfpunkt von Eintrag überein",
        ReportNoCheckpoint => {
            "Es gab noch keinen signierten Prüfpunkt, daher wären am Ende entfernte Einträge nicht bemerkt worden."
        }
        ReportChainBroken => "UNTERBROCHEN bei Eintrag",
        ReportGenerated => "Bericht erstellt",
        ProblemEntryChanged => "Inhalt oder Verknüpfung eines Eintrags passt nicht zu seinem Hash",
        ProblemEntryMissing => "ein Eintrag in der Mitte fehlt",
        ProblemDetailChanged => "ein Detail passt nicht zu dem, was die Kette dafür enthält",
        ProblemDetailMissing => "ein Detail fehlt, und kein Schwärzungseintrag nennt den Grund",
        ProblemTruncated => "Einträge nach einem signierten Prüfpunkt fehlen",
        ProblemRehashed => {
            "das Protokoll weicht von einem signierten Prüfpunkt ab: Es wurde geändert und neu gehasht"
        }
        ProblemEmptied => "das Protokoll der Organisation enthält überhaupt keine Einträge",
        ProblemCheckpointInvalid => {
            "die Signatur eines Prüfpunkts lässt sich mit dem Audit-Schlüssel dieser Installation nicht verifizieren"
        }
        RetentionIntro => {
            "Speicherbegrenzung (Art. 5 Abs. 1 lit. e DSGVO): Einmal täglich sucht Consentry nach Datensätzen, die länger als die Speicherdauer ohne Grund zur Aufbewahrung gespeichert sind: keine Rechtsgrundlage, eine nie beantwortete Einwilligungsanfrage, eine widerrufene oder verweigerte Einwilligung oder ein beendeter Vertrag. Datensätze mit Aufbewahrungspflicht oder in einem offenen Antrag einer betroffenen Person genannte Datensätze bleiben ausgenommen. Das Löschen funktioniert wie ein Antrag auf Löschung: Nichts von ihnen bleibt, ihre Adressen kommen auf die Sperrliste, und das Prüfprotokoll hält den Lauf fest."
        }
        RetentionReviewed => "Die Datensätze wurden soeben geprüft.",
        RetentionOff => {
            "Es ist keine Speicherdauer festgelegt, daher werden Datensätze aufbewahrt, bis jemand sie löscht, und nichts wird geprüft. Eine Speicherdauer legen Sie fest unter"
        }
        RetentionLastReview => "Letzte Prüfung",
        RetentionNeverReviewed => "Noch nicht geprüft",
        RetentionAutoErase => {
            "Abgelaufene Datensätze nach jeder täglichen Prüfung automatisch löschen"
        }
        RetentionAutoEraseHint => {
            "Aus: Die Datensätze werden zur Prüfung und Löschung aufgelistet. An: Consentry löscht sie selbst, ausgenommen Datensätze mit Aufbewahrungspflicht und solche, die in einem offenen Antrag genannt sind."
        }
        RetentionReviewNow => "Jetzt prüfen",
        RetentionErasedCount => "Gelöschte Datensätze:",
        RetentionKeptCount => "behalten (seit der Prüfung geändert, gesperrt oder beantragt):",
        RetentionConfirmTitle => "Diese Datensätze endgültig löschen?",
        RetentionEraseButton => "Abgelaufene Datensätze löschen",
        RetentionConfirmBody => {
            "Jeder aufgeführte Datensatz wird mit seinem Einwilligungsverlauf, seinen Nachrichten und Links gelöscht, wie bei einem Antrag auf Löschung. Ihre Adressen kommen auf die Sperrliste. Dies kann nicht rückgängig gemacht werden; ein seit der Prüfung geänderter Datensatz wird behalten."
        }
        RetentionFound => "Gefundene abgelaufene Datensätze",
        RetentionReason => "Grund",
        RecordCount => "Datensätze",
        RetentionAllReasons => "Alle Gründe",
        RetentionNothing => {
            "Nichts abgelaufen: Für jeden Datensatz gibt es einen Grund zur Aufbewahrung."
        }
        RetentionSince => "Seit",
        LapseNoBasis => "Keine Rechtsgrundlage (Nicht zutreffend)",
        LapseNotResponded => "Einwilligung nicht beantwortet",
        LapseWithdrawn => "Einwilligung widerrufen",
        LapseDenied => "Einwilligung verweigert",
        LapseContractEnded => "Vertrag beendet",
        RecordRetention => "Aufbewahrung",
        RecordRetentionHint => {
            "Eine Aufbewahrungspflicht hält diesen Datensatz unabhängig von der Speicherdauer vor und verhindert, dass ein Antrag auf Löschung ihn löscht (Art. 17 Abs. 3 lit. e DSGVO), bis Sie sie aufheben. Mit dem Tag, an dem ein Vertrag endete, beginnt seine Speicherdauer."
        }
        LegalHold => "Aufbewahrungspflicht",
        LegalHoldReason => "Warum er aufbewahrt wird",
        ContractEndedOn => "Vertrag beendet am",
        RenewalDue => "Erneuerung fällig",
        RenewalDueCount => "Einwilligungen mit fälliger Erneuerung",
        ConsentRenewal => "Erneuerung der Einwilligung",
        ConsentRenewalHint => {
            "Eine Einwilligung gilt nicht ewig: Nach ihrer Gültigkeitsdauer ist eine erteilte Einwilligung zur Erneuerung fällig. Finden Sie diese Datensätze mit dem Filter Erneuerung fällig und senden Sie ihnen eine Einwilligungsanfrage; ohne erneute Antwort innerhalb der Nachfrist wird ihr Status Keine Antwort."
        }
        ConsentAges => "Erteilte Einwilligungen müssen erneuert werden",
        ConsentLifetimeDays => "Gültigkeitsdauer der Einwilligung (Tage)",
        RenewalGraceDays => "Nachfrist für die Erneuerung (Tage)",
        SelectRow => "Auswählen:",
        SelectPage => "Alle Zeilen dieser Seite auswählen",
        Columns => "Spalten",
        ColumnsShown => "Angezeigte Spalten",
        OfTotal => "von",
        Pages => "Seiten",
        RowsPerPage => "Zeilen pro Seite",
        PreviousPage => "Vorherige Seite",
        NextPage => "Nächste Seite",
        AskForConsent => "Einwilligung erfragen",
        Export => "Exportieren",
        ScopeAllMatching => "Nichts ausgewählt: Aktionen gelten für alle passenden Datensätze,",
        ScopeSelected => "ausgewählt: Aktionen gelten nur für diese Datensätze",
        ClearSelection => "Auswahl aufheben",
        RecordActions => "Aktionen für Datensätze",
        ClosePanel => "Schließen",
        ClearFilters => "Alle Datensätze zeigen (Filter zurücksetzen)",
        ReviewChange => "Änderung prüfen",
        Actions => "Aktionen",
        SequenceNumber => "Nr.",
        AuditEntries => "Einträge",
        Anyone => "Alle",
        FromDay => "Von",
        UntilDay => "Bis einschließlich",
        AuditDaysHint => {
            "Tage laufen von Mitternacht bis Mitternacht in der Zeitzone der Organisation. Der CSV-Export enthält jeden passenden Eintrag, älteste zuerst, mit seinem Hash."
        }
        NoAuditEntries => {
            "Keine Einträge passen zu diesen Filtern. Erweitern Sie den Zeitraum oder wählen Sie eine andere Aktion oder Person."
        }
        RequestsInList => "Anfragen in dieser Liste",
        Gpc => "GPC",
        Changes => "Änderungen",
        Day => "Tag",
        ShowTheNumbers => "Zahlen zeigen",
        NearestDeadlines => "Nächste Fristen",
        NoOpenRequests => "Keine offenen Anfragen betroffener Personen.",
        AllRequests => "Alle Anfragen",
        UntilBeforeFrom => "Bis liegt vor Von: wählen Sie einen Endtag am oder nach dem Starttag.",
        RecordPageTitle => "Datensatz",
        FormPageTitle => "Einwilligungsformular",
        SortNewestFirst => "Neueste zuerst anzeigen",
    }
}

/// The fr of the frame's messages (see [`en_frame`]).
pub fn fr_frame(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        AppName => "Consentry",
        Language => "Langue",
        Loading => "Chargement…",
        SkipToContent => "Aller au contenu",
        ErrorNetwork => "Consentry est injoignable. Vérifiez votre connexion et réessayez.",
        ErrorUnexpected => "Une erreur s'est produite de notre côté. Réessayez dans un instant.",
        ErrorSessionExpired => "Votre session a pris fin. Reconnectez-vous.",
        ErrorForbidden => "Votre profil ne le permet pas. Adressez-vous à un administrateur.",
        ErrorNotFound => "Cet élément n'existe pas (ou plus).",
        ErrorTooManyRequests => "Trop de tentatives. Patientez quelques minutes et réessayez.",
        ErrorInvalidCredentials => "Adresse e-mail ou mot de passe incorrect.",
        ErrorCrossSite => {
            "Cette modification a été refusée pour votre sécurité. Rechargez la page et réessayez."
        }
        ErrorConflictEmail => "Un utilisateur avec cette adresse e-mail existe déjà.",
        ErrorConflictSlug => "Une autre organisation utilise ce nom court. Choisissez-en un autre.",
        ErrorAlreadySetUp => "Consentry est déjà configuré. Connectez-vous.",
        ErrorLastAdministrator => {
            "C'est le seul administrateur. Nommez d'abord un autre utilisateur administrateur."
        }
        ErrorCannotRemoveSelf => {
            "Vous ne pouvez pas vous retirer vous-même. Adressez-vous à un autre administrateur."
        }
        FixFields => "Vérifiez les champs signalés.",
        SignIn => "Se connecter",
        SignInTitle => "Connexion à Consentry",
        SignInIntro => {
            "Gérez les bases juridiques, le consentement et les demandes des personnes concernées."
        }
        SigningIn => "Connexion…",
        SignOut => "Se déconnecter",
        Email => "Adresse e-mail",
        Password => "Mot de passe",
        MainNavigation => "Navigation principale",
        NavGroupConsent => "Consentement",
        NavGroupCompliance => "Conformité",
        NavGroupOrganisation => "Organisation",
        NavComplianceSettings => "Paramètres de conformité",
        NavUsers => "Utilisateurs",
        UserMenu => "Menu utilisateur",
        YourAccount => "Votre compte",
        SignedInAs => "Connecté en tant que",
        NavRecords => "Fiches",
        NavOverview => "Vue d'ensemble",
        NavAudit => "Journal d'audit",
        ErrorStopProcessing => {
            "Le traitement de cette fiche est limité (art. 18 du RGPD) ; elle est en lecture seule."
        }
        ErrorComplianceDisabled => {
            "La conformité est désactivée pour ce module. Activez-la d'abord dans Configuration › Paramètres de conformité."
        }
        ErrorCountChanged => {
            "Le nombre de fiches correspondantes a changé entre-temps. Rien n'a été modifié ; vérifiez la liste et réessayez."
        }
        ErrorModuleTaken => "Un module portant ce nom existe déjà.",
        NavConsentForms => "Formulaires de consentement",
        NavTemplates => "Modèles d'e-mail",
        NavRequests => "Demandes",
        NavApiKeys => "Clés API et webhooks",
        NavOutbox => "Boîte d'envoi",
        AreaNotLoadedTitle => "Cette page n'a pas pu être ouverte",
        AreaNotLoaded => {
            "Son code n'est pas arrivé : la connexion a été interrompue, ou Consentry a été mis à jour depuis son ouverture. Rechargez la page pour continuer ; rien de ce que vous avez enregistré n'est perdu."
        }
        ReloadPage => "Recharger la page",
        LanguageNotLoaded => {
            "Cette langue n'a pas pu être chargée. Vérifiez la connexion et choisissez-la à nouveau."
        }
        PageNotFound => "Page introuvable",
        PageNotFoundHint => "Cette adresse n'est pas (ou plus) une page de Consentry.",
        GoToStart => "Aller à votre page d'accueil",
        NavRetention => "Revue de conservation",
        ErrorLegalHold => {
            "Une fiche concernée est soumise à une obligation de conservation : rien n'a donc été effacé ni supprimé. Levez d'abord l'obligation dans la section Conservation de la fiche (ou refusez la demande d'effacement en indiquant le motif de l'obligation)."
        }
        ErrorNoRetentionPeriod => {
            "Aucune durée de conservation n'est définie : définissez-en une d'abord dans Configuration › Paramètres de conformité."
        }
        Dismiss => "Fermer",
        _ => return None,
    })
}

/// French (Français): the terms of the RGPD; "vous".
/// French.
pub fn fr(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        frame!() => fr_frame(msg).unwrap_or_default(),
        Saving => "Enregistrement…",
        Save => "Enregistrer",
        Saved => "Enregistré.",
        Remove => "Retirer",
        FirstRunTitle => "Bienvenue dans Consentry",
        FirstRunIntro => {
            "Créez votre organisation (le responsable du traitement) et le premier administrateur."
        }
        OrganisationSection => "Organisation",
        OrganisationName => "Nom de l'organisation",
        OrganisationSlug => "Nom court",
        OrganisationSlugHint => "Utilisé dans les liens publics, par ex. /privacy/acme-sas.",
        AdministratorSection => "Administrateur",
        YourName => "Votre nom",
        PasswordHint => "Au moins 10 caractères. Une courte phrase convient bien.",
        CreateOrganisation => "Créer l'organisation",
        Creating => "Création…",
        AccountTitle => "Votre compte",
        Organisation => "Organisation",
        ProfileLabel => "Profil",
        PermissionsLabel => "Autorisations",
        SessionEnds => "Fin de session",
        UsersTitle => "Utilisateurs",
        UsersIntro => {
            "Qui peut utiliser Consentry dans votre organisation, et ce que permet son profil."
        }
        Name => "Nom",
        AddUser => "Ajouter un utilisateur",
        AddUserIntro => {
            "Remettez le mot de passe initial à l'utilisateur en personne ou par téléphone."
        }
        InitialPassword => "Mot de passe initial",
        Adding => "Ajout…",
        UserAdded => "Utilisateur ajouté.",
        UserRemoved => "Utilisateur retiré.",
        ProfileChanged => "Profil modifié.",
        ConfirmRemoveUser => {
            "Ses sessions prennent fin immédiatement ; ce qu'il a fait reste dans le journal d'audit."
        }
        You => "vous",
        ComplianceTitle => "Paramètres de conformité",
        ComplianceIntro => {
            "Activez la conformité au RGPD pour votre organisation et choisissez comment le consentement est géré."
        }
        LocaleTitle => "Langue et fuseau horaire",
        LocaleIntro => {
            "La langue dans laquelle vous écrivez aux personnes concernées, et le fuseau horaire dans lequel chaque page affiche les moments. Les moments sont enregistrés en UTC."
        }
        OrganisationLanguage => "Langue de vos e-mails",
        OrganisationLanguageHint => {
            "Une demande de consentement part du modèle d'e-mail rédigé dans cette langue."
        }
        TimeZone => "Fuseau horaire",
        SaveLocale => "Enregistrer la langue et le fuseau horaire",
        TemplateLanguage => "Rédigé en",
        LanguageNotSaid => "Non précisé",
        SampleValues => "Extrait du fichier",
        ImportFormatsHint => {
            "Dates au format AAAA-MM-JJ (2026-05-25) ou JJ-MM-AAAA (25-05-2026) ; oui ou non en oui/non, 1/0 ou vrai/faux (aussi yes/no) ; nombres en 3,5 ou 3.5."
        }
        ShowImportedRecords => "Afficher les fiches de cette importation",
        OnlyImportedFrom => "Seulement les fiches importées de",
        OnlyOneImport => "Seulement les fiches d'une importation",
        UnknownImport => {
            "Aucune importation n'a cet identifiant (le lien est peut-être tronqué), donc aucune fiche n'est affichée"
        }
        RemoveImportFilter => "Retirer ce filtre",
        ControllerTitle => "Coordonnées du responsable du traitement",
        ControllerIntro => {
            "Qui est responsable des données personnelles et comment le joindre (art. 13 du RGPD). Chaque reçu de consentement porte ces coordonnées ; un formulaire de consentement ne peut donc être publié qu'une fois toutes renseignées."
        }
        ControllerContact => "Contact (personne ou fonction)",
        ControllerStreet => "Rue et numéro",
        ControllerPostalCode => "Code postal",
        ControllerLocality => "Ville",
        ControllerCountry => "Code pays",
        ControllerCountryHint => "Deux lettres, par ex. FR ou BE.",
        ControllerEmail => "Adresse e-mail pour les questions de confidentialité",
        ControllerPhone => "Numéro de téléphone",
        ControllerUrl => "Site web",
        SaveController => "Enregistrer les coordonnées du responsable",
        EnableCompliance => "Activer la conformité au RGPD",
        EnableComplianceHint => {
            "Les fiches reçoivent une section Protection des données avec une base juridique ; les nouvelles fiches commencent en Non applicable."
        }
        WaitingPeriod => "Délai d'attente des réponses de consentement",
        WaitingPeriodHint => {
            "Après ce nombre de jours sans réponse, le consentement passe à Sans réponse."
        }
        ProcessingWhilePending => "Tant que le consentement est En suspens ou En attente",
        ProcessingAllow => "Continuer à traiter la fiche",
        ProcessingRestrict => "Limiter le traitement jusqu'à l'obtention du consentement",
        DoubleOptIn => "Double opt-in",
        DoubleOptInHint => {
            "Les inscrits doivent confirmer leur adresse e-mail avant que le consentement ne compte."
        }
        Retention => "Conservation des données",
        RetentionHint => {
            "Durée de conservation des fiches (limitation de la conservation, art. 5.1.e du RGPD)."
        }
        RetentionKeep => "Conserver jusqu'à suppression",
        RetentionDays => "Supprimer après un nombre de jours",
        Days => "jours",
        RecordsTitle => "Fiches",
        RecordsIntro => {
            "Toutes les personnes sur lesquelles vous détenez des données, avec la base juridique de leur traitement."
        }
        Filters => "Filtres",
        Module => "Module",
        AllModules => "Tous les modules",
        UnknownModule => "Un module qui n'existe pas",
        LegalBasisLabel => "Base juridique du traitement",
        AllBases => "Toutes les bases",
        ConsentStatusLabel => "Statut du consentement",
        AllStatuses => "Tous les statuts",
        DataSourceLabel => "Source des données",
        AllSources => "Toutes les sources",
        Search => "Recherche",
        SearchHint => "Une adresse e-mail exacte, ou le début d'un prénom ou d'un nom.",
        ApplyFilters => "Appliquer les filtres",
        NoRecords => "Aucune fiche ne correspond.",
        LoadMore => "Charger plus",
        NewRecord => "Nouvelle fiche",
        FirstName => "Prénom",
        LastName => "Nom",
        Phone => "Téléphone",
        Company => "Entreprise",
        Country => "Pays",
        CreateRecord => "Créer la fiche",
        BulkTitle => "Modifier la base juridique",
        BulkIntro => {
            "S'applique aux fiches indiquées ci-dessus : celles sélectionnées ou, si rien n'est sélectionné, toutes les fiches correspondant aux filtres ; uniquement dans les modules où la conformité est activée. Les fiches dont le traitement est arrêté ne sont pas modifiées."
        }
        NewBasis => "Nouvelle base",
        LawfulReason => "Justification de la licéité",
        LawfulReasonRequired => "Justification de la licéité (obligatoire)",
        ReasonHintBalancingTest => {
            "Intérêts légitimes : indiquez l'intérêt et le résultat de votre mise en balance des intérêts (pourquoi il prévaut sur les droits de la personne concernée)."
        }
        ReasonHintLaw => {
            "Obligation légale : indiquez la loi qui impose ce traitement, par ex. l'art. L123-22 du Code de commerce."
        }
        ReasonHintPublicTask => {
            "Intérêt public : indiquez la mission d'intérêt public et la loi sur laquelle elle repose."
        }
        ReasonHintVitalInterest => {
            "Intérêts vitaux : la vie ou la santé de qui cela protège, et pourquoi le consentement ne peut pas être demandé."
        }
        ReasonHintContract => {
            "Recommandé : le contrat sur lequel cela repose, par ex. un numéro de commande ou de contrat. Sans cela, la modification est enregistrée avec un avertissement."
        }
        ConfirmBasisOne => "Modifier la base juridique de cette fiche ?",
        ConfirmBasisMany => "fiches recevront la nouvelle base juridique. Les modifier ?",
        NoReasonGiven => "Aucune",
        WarningContractWithoutReason => {
            "Aucun contrat n'est indiqué. La modification est enregistrée, mais une autorité de contrôle ou le DPO demandera sur quel contrat elle repose."
        }
        ConfirmChangeBasis => "Oui, modifier la base",
        Cancel => "Annuler",
        ChangeBasis => "Modifier la base",
        BulkDone => "Fiches modifiées :",
        Fields => "Détails",
        SaveChanges => "Enregistrer les modifications",
        DataPrivacy => "Protection des données",
        NotTracked => {
            "La conformité est désactivée pour ce module ; la fiche n'a donc pas de section Protection des données."
        }
        ConsentDate => "Date du consentement",
        ConsentThroughLabel => "Consentement via",
        ContactThrough => "Contact via",
        ConsentRemarks => "Remarques sur le consentement",
        MailSent => "Demande de consentement envoyée",
        StopProcessingBadge => "Traitement arrêté",
        CreatedLabel => "Création",
        UpdatedLabel => "Dernière mise à jour",
        ConsentByHand => {
            "Le consentement a été obtenu en dehors de Consentry (par ex. sur papier ou par téléphone)"
        }
        History => "Historique de la base et du consentement",
        NoValue => "—",
        DeleteRecord => "Supprimer la fiche",
        ConfirmDeleteRecord => {
            "Supprimer cette fiche ? Son historique de consentement est conservé comme preuve."
        }
        BasisChanged => "Base juridique modifiée.",
        BackToRecords => "Retour aux fiches",
        ModulesTitle => "Modules contenant des personnes concernées",
        ModulesIntro => {
            "Les fiches des modules cochés reçoivent une section Protection des données ; les fiches existantes commencent en Non applicable."
        }
        OverviewTitle => "Vue d'ensemble",
        OverviewIntro => {
            "Bases juridiques et consentement dans tous les modules où la conformité est activée."
        }
        NotApplicableCount => "Fiches avec la base Non applicable",
        WithBasisCount => "Fiches avec une base juridique",
        PerBasisChart => "Fiches par base juridique",
        ConsentChart => "Statut du consentement",
        ChangesChart => "Modifications de base et de consentement, 30 derniers jours",
        AuditTitle => "Journal d'audit",
        AuditIntro => {
            "Chaque action pertinente pour la conformité, dans une chaîne de hachage : modifier ou supprimer une entrée rompt la chaîne."
        }
        VerifyChain => "Vérifier la chaîne",
        ChainIntact => "La chaîne est intacte. Entrées vérifiées :",
        ChainBroken => "La chaîne est rompue à l'entrée",
        ChainRedacted => {
            "Entrées dont les détails ont été effacés (chacune consignée par une entrée de caviardage) :"
        }
        ChainCheckedAgainst => "Comparée au point de contrôle signé de l'entrée",
        ChainNoCheckpoint => {
            "Pas encore de point de contrôle signé : des entrées supprimées à la fin passeraient inaperçues. Signez-en un ci-dessous."
        }
        SignCheckpoint => "Signer un point de contrôle maintenant",
        DownloadCheckpoint => "Télécharger le dernier point de contrôle",
        CheckpointIntro => {
            "Un point de contrôle est la dernière empreinte de la chaîne, signée avec la clé de cette installation (conservée avec la clé maîtresse, pas dans la base de données). Gardez-en une copie ailleurs, ou abonnez un webhook à audit.checkpoint : si des entrées sont supprimées plus tard ou si la chaîne est réécrite, `consentry verify-audit --checkpoint FICHIER` le montre. Des points de contrôle sont aussi signés toutes les heures."
        }
        NewestCheckpoint => "Dernier point de contrôle : entrée",
        NoCheckpointYet => "Aucun point de contrôle n'a encore été signé.",
        AuditDetails => "Détails",
        DetailRedacted => "Caviardé par l'entrée",
        When => "Quand",
        Who => "Qui",
        Action => "Action",
        Subject => "Objet",
        AddModule => "Ajouter un module",
        ModuleName => "Nouveau module",
        ModuleAdded => "Module ajouté.",
        AllActions => "Toutes les actions",
        ImportRecords => "Importer des fiches depuis un CSV",
        ImportTitle => "Importer des fiches",
        ImportIntro => {
            "Téléversez un fichier CSV enregistré en UTF-8, séparé par des virgules ou des points-virgules, dont la première ligne nomme les colonnes. Chaque ligne devient une fiche ; les lignes inutilisables sont listées avec leur motif."
        }
        CsvFile => "Fichier CSV",
        ColumnMappingTitle => "Quelle colonne remplit quel champ",
        Column => "Colonne",
        Field => "Champ",
        Ignore => "Ne pas importer",
        StartImport => "Lancer l'import",
        ImportProgressLabel => "Progression de l'import",
        ImportFinished => "Import terminé.",
        ImportFailed => {
            "L'import s'est arrêté à cause d'une erreur du serveur. Les lignes des lots terminés ont été importées."
        }
        ImportInterrupted => {
            "Interrompu : le processus qui exécutait cet import (le serveur ou un import en ligne de commande) s'est arrêté en cours de route."
        }
        ImportInterruptedHandled => "Lignes traitées :",
        ImportInterruptedFrom => "Non importées : ligne",
        ImportInterruptedAgain => {
            "et suivantes. Importez-les de nouveau depuis un fichier ne contenant que ces lignes, avec la même ligne d'en-tête (le fichier lui-même n'a pas été conservé)."
        }
        ImportedCount => "Importées :",
        RefusedCount => "Refusées :",
        RowErrors => "Lignes non importées",
        Row => "Ligne",
        Reason => "Motif",
        ChooseFileFirst => "Choisissez d'abord un fichier CSV.",
        Yes => "Oui",
        ErasureConfirmationLabel => "Confirmation de l'effacement au demandeur",
        JobImport => "Import d'un fichier",
        JobBulkSend => "Demande de consentement à une liste",
        No => "Non",
        Unset => "Non renseigné",
        FieldsLink => "Champs",
        ModuleFieldsTitle => "Modules et champs",
        ModuleFieldsIntro => {
            "Chaque module possède les champs standard ; ajoutez les vôtres ci-dessous. Signalez chaque champ contenant des données personnelles, et s'il est sensible (santé, religion, origine ethnique et les autres catégories particulières de l'article 9 du RGPD)."
        }
        FieldLabel => "Libellé",
        FieldKey => "Clé",
        FieldKindLabel => "Type",
        FieldOptions => "Options",
        FieldOptionsHint => "Une option par ligne.",
        FieldRequired => "Obligatoire",
        PersonalLabel => "Données personnelles",
        StandardBadge => "Standard",
        AddField => "Ajouter un champ",
        FieldAdded => "Champ ajouté.",
        ConfirmDeleteField => "Sa valeur est supprimée de chaque fiche du module.",
        PersonalFieldsCount => "Champs personnels",
        PersonalFieldsValue => "normaux",
        SensitiveFieldsValue => "sensibles",
        DataSubjectRequests => "Demandes des personnes concernées",
        NoRequests => "Aucune demande de personne concernée pour cette fiche.",
        FileRequest => "Enregistrer une demande reçue par e-mail, par téléphone ou en personne",
        RequestTypeLabel => "Demande",
        RequestSourceLabel => "Reçue via",
        RequestedBy => "Demandée par",
        ReceivedOn => "Reçue le",
        DueOn => "Échéance",
        RequestStatusLabel => "Statut",
        RequestFiled => {
            "Demande enregistrée ; elle doit être traitée dans un délai d'un mois à compter de sa réception."
        }
        FileRequestButton => "Enregistrer la demande",
        FormsIntro => {
            "Chaque formulaire demande aux personnes concernées leur consentement à vos finalités. Modifiez le brouillon dans chaque langue, vérifiez l'aperçu, puis publiez : chaque version publiée est conservée telle quelle, avec une empreinte de son texte, comme preuve de ce à quoi les personnes ont consenti."
        }
        FormName => "Nom du formulaire",
        CreateForm => "Créer le formulaire",
        FormLinkName => "Nom dans le lien",
        FormLanguages => "Langues",
        NotPublished => "Pas encore publié",
        PublishedVersion => "Version publiée",
        UnpublishedChanges => "Le brouillon contient des modifications non publiées.",
        SaveDraft => "Enregistrer le brouillon",
        Publish => "Publier",
        RevertToPublished => "Revenir à la version publiée",
        Preview => "Aperçu",
        EditedLanguage => "Langue en cours de modification",
        AddLanguage => "Ajouter une langue",
        LanguageToAdd => "Langue à ajouter",
        LanguageUntranslated => "non traduit",
        UntranslatedNotice => {
            "Ces textes sont encore une copie de la langue par défaut. Les personnes concernées qui lisent cette langue les voient avec une mention indiquant qu'ils ne sont pas encore traduits. Modifiez-les ou marquez-les comme traduits."
        }
        MarkTranslated => "Marquer comme traduit",
        PublishUntranslatedTitle => "Publier avec des textes non traduits ?",
        PublishUntranslatedBody => {
            "Ces langues affichent encore les textes de la langue par défaut ; les personnes concernées qui les lisent voient une mention à ce sujet :"
        }
        PublishAnyway => "Publier quand même",
        DefaultLanguage => "Langue par défaut",
        PurposesHeading => "Finalités",
        PurposeKey => "Clé",
        PurposeRequired => "Obligatoire",
        PurposeCategoryLabel => "Utilisée pour (Global Privacy Control, Google Consent Mode)",
        AddPurpose => "Ajouter une finalité",
        PurposeTitle => "Titre",
        PurposeDescription => "Description",
        FormTitleLabel => "Titre",
        FormIntroLabel => "Texte des finalités",
        ChannelsHeadingLabel => "Titre au-dessus des canaux",
        RequiredLabelLabel => "Mot pour une finalité obligatoire",
        ConsentStatementLabel => "Déclaration de consentement",
        PrivacyStatementLabel => "Déclaration de confidentialité",
        SubmitLabelLabel => "Bouton d'envoi",
        StopLabelLabel => "Bouton d'arrêt du traitement",
        ThanksLabel => "Texte de remerciement",
        PolicyUrl => "URL de la politique de confidentialité (https)",
        LogoUrl => "URL du logo (https)",
        BrandColour => "Couleur de marque",
        ShownChannels => "Canaux de contact affichés",
        ChannelLabelFor => "Libellé",
        DraftSaved => "Brouillon enregistré.",
        FormPublishedMsg => "Publié.",
        DraftReverted => "Le brouillon est de nouveau la version publiée.",
        TextsHeading => "Textes",
        AppearanceHeading => "Apparence et liens",
        ConsentRequestTitle => "Demander le consentement par e-mail",
        ConsentRequestHint => {
            "La personne concernée reçoit un lien personnel vers le formulaire publié ; il fonctionne jusqu'à la fin du délai d'attente."
        }
        FormToSend => "Formulaire",
        SendConsentRequest => "Envoyer la demande de consentement",
        NoPublishedForms => {
            "Publiez d'abord un formulaire de consentement (Consentement › Formulaires de consentement)."
        }
        TemplatesIntro => {
            "Le message qui porte chaque lien de consentement. Les champs de fusion comme {{record.first_name}} sont remplis pour chaque destinataire ; chaque partie doit contenir le lien de consentement."
        }
        NoTemplates => {
            "Pas encore de modèle : les demandes de consentement utilisent le message intégré en anglais."
        }
        NewTemplate => "Nouveau modèle",
        EditTemplate => "Modifier le modèle",
        TemplateName => "Nom",
        TemplateSubject => "Objet",
        TemplateText => "Message en texte brut",
        TemplateHtml => "Message HTML (facultatif)",
        TemplateHtmlHint => {
            "Sans lui, le message est envoyé en texte brut uniquement. Les valeurs insérées ici sont échappées."
        }
        MergeFieldsLabel => "Insérer un champ de fusion à l'emplacement du curseur",
        SaveTemplate => "Enregistrer le modèle",
        DeleteTemplate => "Supprimer le modèle",
        ConfirmDeleteTemplate => {
            "Les messages déjà envoyés avec lui restent dans la boîte d'envoi."
        }
        TemplateSaved => "Modèle enregistré.",
        PreviewTitle => "Aperçu pour une fiche",
        PreviewSearch => "Trouver une fiche (début d'un nom, ou adresse e-mail exacte)",
        PreviewRecord => "Fiche",
        ShowPreview => "Afficher l'aperçu",
        PreviewLinkNote => {
            "Le lien de l'aperçu est un exemple ; chaque destinataire reçoit le sien."
        }
        HtmlPreview => "Message HTML tel que reçu",
        NoMatchingRecords => "Aucune fiche ne correspond.",
        TemplateToSend => "Message",
        BuiltInMessage => "Message intégré (anglais)",
        UpdatedAt => "Dernière modification",
        SignUpTitle => "Inscription publique",
        SignUpIntro => {
            "Permettez à quiconque de s'inscrire avec ce formulaire à sa propre adresse web. Les nouvelles inscriptions deviennent des fiches du module choisi avec la base Consentement ; une adresse qui s'inscrit à nouveau met à jour la même fiche."
        }
        SignUpModule => "Module des nouvelles inscriptions",
        SignUpOff => "Aucun : l'inscription est désactivée",
        SignUpNoModules => {
            "Activez la conformité pour un module dans Paramètres de conformité pour recevoir des inscriptions."
        }
        DoubleOptInLabel => "Confirmation par e-mail (double opt-in)",
        DoubleOptInDefaultOn => "Par défaut de l'organisation (activé)",
        DoubleOptInDefaultOff => "Par défaut de l'organisation (désactivé)",
        DoubleOptInAlways => "Toujours : le consentement compte une fois l'adresse confirmée",
        DoubleOptInNever => "Jamais : le consentement compte immédiatement",
        SaveSignUp => "Enregistrer les paramètres d'inscription",
        WidgetTitle => "Widget du site web",
        WidgetIntro => {
            "Affichez ce formulaire sur votre propre site, comme bannière de consentement pour les visiteurs ou intégré comme formulaire d'inscription. Seuls les sites listés ici peuvent le charger."
        }
        WidgetOrigins => {
            "Sites autorisés à intégrer le formulaire, un par ligne (par ex. https://www.example.org)"
        }
        WidgetConsentMode => {
            "Piloter Google Consent Mode v2 à partir des choix faits dans la bannière"
        }
        SaveWidget => "Enregistrer les paramètres du widget",
        WidgetSaved => "Paramètres du widget enregistrés.",
        WidgetBannerSnippet => {
            "Bannière : à coller dans chaque page, avant les autres scripts du site"
        }
        WidgetInlineSnippet => "Formulaire intégré : à coller là où le formulaire doit apparaître",
        WidgetNeedsPublish => "Publiez le formulaire avant de l'intégrer.",
        WidgetNoOrigins => {
            "Ajoutez au moins un site pour intégrer le formulaire ; d'ici là, tous les sites sont refusés."
        }
        WidgetDecisions => "Choix dans la bannière",
        WidgetAcceptedAll => "tout accepté",
        WidgetRejectedAll => "tout refusé",
        WidgetWithGpc => "avec Global Privacy Control",
        WidgetLogHeading => "Journal des consentements (20 derniers)",
        WidgetLogReceipt => "N° de reçu",
        WidgetLogFind => "Rechercher",
        WidgetLogDecision => "Choix",
        WidgetLogGranted => "Finalités acceptées",
        WidgetLogSite => "Site",
        WidgetLogEmpty => "Aucun choix trouvé.",
        WidgetConsentDomain => "Domaine de consentement (facultatif)",
        WidgetConsentDomainHint => {
            "Votre propre domaine, par ex. example.org : chaque site en dessous (www.example.org, shop.example.org) partage alors un même choix. Les suffixes publics comme co.uk sont refusés."
        }
        WidgetLifetime => "Durée de validité d'un choix",
        WidgetLifetimeDays => "Jours avant de redemander aux visiteurs (395 au plus)",
        WidgetRefusalDays => "Jours de validité d'un refus total, si plus court (facultatif)",
        WidgetElsewhere => "Les visiteurs d'ailleurs reçoivent",
        WidgetElsewhereHint => {
            "Les visiteurs de l'UE, de l'EEE, du Royaume-Uni et de Suisse reçoivent toujours la bannière ; les visiteurs des États américains dotés de lois d'opt-out reçoivent un avis « Ne pas vendre ni partager mes informations personnelles », et Global Privacy Control est respecté. La localisation d'un visiteur provient des en-têtes de votre proxy indiqué dans la configuration du serveur."
        }
        WidgetCookies => "Cookies par finalité",
        WidgetCookiesHint => {
            "Les cookies déposés par les balises de chaque finalité, séparés par des virgules ; terminez un nom par * pour un préfixe (_ga*). Lorsqu'un visiteur retire la finalité, le widget les supprime."
        }
        WidgetCookiesOf => "Cookies de « {purpose} »",
        WidgetTags => "Balises Google et Microsoft",
        WidgetAdvanced => {
            "Mode avancé : les balises Google se chargent tout de suite et envoient des pings sans cookies jusqu'au consentement (mode de base : elles ne se chargent qu'après le consentement)"
        }
        WidgetAdsDataRedaction => {
            "Masquer les identifiants de clic publicitaires tant que le stockage publicitaire est refusé (ads_data_redaction)"
        }
        WidgetUrlPassthrough => {
            "Transmettre les identifiants de clic via les liens tant que le stockage est refusé (url_passthrough)"
        }
        WidgetWaitForUpdate => {
            "Millisecondes pendant lesquelles les balises attendent la réponse du visiteur (wait_for_update)"
        }
        WidgetMicrosoftUet => "Transmettre le choix publicitaire à Microsoft UET (Bing Ads)",
        WidgetMarkupHeading => "Signaler ce qui requiert un consentement",
        WidgetMarkupHint => {
            "Rien de ce qui est signalé ne s'exécute ni ne se charge avant que sa finalité (ou sa catégorie) soit acceptée, même si le widget ne peut pas se charger."
        }
        WidgetFiguresHeading => "Taux de consentement (30 derniers jours)",
        WidgetFiguresHint => {
            "Compté sans suivre personne : un compteur par version, règle et jour de bannières affichées ; aucun identifiant, cookie ni adresse n'est conservé. Le taux d'opt-in est la part des choix qui ont accepté la finalité."
        }
        WidgetFiguresEmpty => "Aucune bannière affichée ces 30 derniers jours.",
        WidgetFiguresCsv => "Télécharger les chiffres (CSV)",
        WidgetShown => "Bannière affichée",
        WidgetCustomised => "choix par finalité",
        WidgetOptInRate => "Taux d'opt-in par finalité",
        WidgetVersion => "Version",
        WidgetRegionTesting => {
            "Laisser les pages définir la région du visiteur avec ?consentry_region= (uniquement pour tester les règles : n'importe qui pourrait utiliser un tel lien)"
        }
        WidgetLogRule => "Règle",
        SignUpSaved => "Paramètres d'inscription enregistrés.",
        SignUpAddress => "Adresse publique",
        SignUpNeedsPublish => {
            "Publiez d'abord le formulaire : la page publique affiche la version publiée."
        }
        RequestsIntro => {
            "Demandes des personnes concernées, échéance la plus proche en premier. Répondez dans un délai d'un mois (art. 12.3 du RGPD) ; ce délai peut être prolongé de deux mois au plus, motif à l'appui."
        }
        AnyType => "Tous les droits",
        AnyStatus => "Tous les statuts",
        Overdue => "En retard",
        DueSoon => "Échéance sous 7 jours",
        NoQueue => {
            "Aucune demande ne correspond. Les demandes arrivent par le centre de confidentialité, ou sont saisies à la main sur la page d'une fiche (Demandes des personnes concernées)."
        }
        RecordsFound => "Fiches",
        RequestTitle => "Demande de la personne concernée",
        Deadline => "Échéance",
        ExtendedBecause => "Prolongée car",
        RejectedBecause => "Refusée car",
        ClosedBy => "Clôturée par",
        RequestMessages => "Messages au demandeur",
        RequestDetails => "Objet de la demande",
        NoLinkedRecords => "Aucune fiche ne contient cette adresse.",
        VerifyRequest => "Identité vérifiée",
        StartRequest => "Commencer le traitement",
        CompleteRequest => "Marquer comme traitée",
        RejectRequest => "Refuser",
        ExtendRequest => "Prolonger le délai",
        ReasonLabel => "Motif (communiqué à la personne concernée)",
        MonthsLabel => "Prolonger de",
        OneMonth => "1 mois",
        TwoMonths => "2 mois",
        RequestUpdated => "Demande mise à jour.",
        OpenRequests => "Demandes ouvertes",
        OverdueRequests => "Demandes en retard",
        EraseSubject => "Effacer les données de la personne",
        EraseHint => {
            "Supprime les fiches listées ici avec leur historique de consentement, leurs liens et leurs messages, et retire l'adresse de toutes les demandes. Sont conservés : cette demande avec ses dates, et une empreinte à clé de l'adresse afin qu'un import ultérieur soit signalé. Cette opération est irréversible."
        }
        ConfirmErase => {
            "Les fiches trouvées sont effacées maintenant : rien n'en reste, et leurs adresses vont sur la liste d'exclusion. Cette opération est irréversible."
        }
        SubjectErasedTold => {
            "Les données personnelles de la personne concernée sont effacées. Une confirmation lui a été envoyée ; Consentry n'en garde aucune copie."
        }
        SubjectErasedNoSmtp => {
            "Les données personnelles de la personne concernée sont effacées. Aucun serveur SMTP n'est configuré : informez-la vous-même, Consentry ne détient plus son adresse."
        }
        SubjectErasedNotDelivered => {
            "Les données personnelles de la personne concernée sont effacées, mais la confirmation n'a pas pu être distribuée. Informez-la vous-même : Consentry ne détient plus son adresse."
        }
        SendConsentRequests => "Envoyer des demandes de consentement",
        BulkConsentConfirmBody => {
            "Chaque fiche reçoit par e-mail son propre lien vers le formulaire choisi. Les fiches qui ne peuvent pas être sollicitées sont ignorées et comptées ; une fiche ne passe En attente qu'une fois son e-mail distribué."
        }
        ConfirmDeleteRecordTitle => "Supprimer 1 fiche ?",
        DeleteOneRecord => "Supprimer 1 fiche",
        ConfirmationDelivered => "distribuée : le serveur de messagerie l'a acceptée",
        ConfirmationRetrying => {
            "pas encore distribuée : nouvelles tentatives depuis la mémoire pendant une heure au plus"
        }
        ConfirmationFailed => {
            "non distribuée : le serveur de messagerie l'a refusée ou les tentatives sont épuisées"
        }
        ConfirmationInterrupted => {
            "non distribuée : Consentry s'est arrêté pendant les nouvelles tentatives ; informez la personne autrement"
        }
        ConfirmationNoSmtp => "non envoyée : aucun serveur SMTP n'est configuré",
        ConfirmationNoAddress => "non envoyée : la demande n'indique aucune adresse e-mail",
        ReasonErasure => "effacement sur demande",
        ReasonNotConfirmed => "non confirmée dans le délai d'attente",
        ReasonStopRequested => "Demande de la personne concernée : arrêt du traitement",
        ReasonObjected => "Opposition de la personne concernée (art. 21 du RGPD)",
        ReasonResumed => "Traitement repris :",
        StepVerify => "Identité vérifiée",
        StepStart => "Traitement commencé",
        StepComplete => "Traitée",
        StepReject => "Refusée",
        StepExtend => "Délai prolongé",
        StepExportQueued => {
            "Lien d'export créé et mis en file d'attente pour le demandeur (voir « Communiqué au demandeur » pour sa distribution)"
        }
        ReasonRectification => "Demande de rectification",
        SearchText => "(texte recherché)",
        SubjectErasedRetrying => {
            "Les données personnelles de la personne concernée sont effacées. Le serveur de messagerie n'a pas encore pu prendre la confirmation : Consentry réessaie pendant une heure au plus, depuis la mémoire uniquement (elle n'est pas stockée). Le journal d'audit indiquera si elle a été distribuée."
        }
        SubjectErasedNoAddress => {
            "Les données personnelles de la personne concernée sont effacées. La demande n'indique aucune adresse e-mail : informez-la vous-même."
        }
        EncryptionColumn => "Chiffré au repos",
        EncryptedLabel => "Chiffrer",
        EncryptionOff => "Stocké tel que saisi",
        EncryptionOn => "Chiffré",
        EncryptionEncrypting => "Chiffrement des valeurs existantes…",
        EncryptionDecrypting => "Déchiffrement des valeurs…",
        EncryptionNotPossible => "Les champs oui/non et les listes de choix ne sont pas chiffrés.",
        EncryptionHint => {
            "Les valeurs chiffrées sont stockées avec AES-256-GCM et ne peuvent être lues depuis le fichier de base de données ou une sauvegarde sans le fichier de clé. Une adresse e-mail chiffrée reste trouvable par son adresse exacte ; les noms chiffrés ne sont pas recherchés et les fiches ne peuvent pas être triées par eux."
        }
        EncryptionJobsTitle => "Chiffrement en cours",
        JobEncrypt => "Chiffrement des valeurs de",
        JobDecrypt => "Déchiffrement des valeurs de",
        JobRotate => "Rechiffrement de toutes les valeurs avec la clé la plus récente",
        JobDone => "Terminé",
        JobFailed => "Arrêté",
        MaskedTitle => "Valeurs sensibles",
        MaskedIntro => {
            "Votre profil les affiche masquées. En révéler une est consigné dans le journal d'audit à votre nom."
        }
        Reveal => "Révéler",
        NotSearchedPrefix => "Non recherchés, car chiffrés :",
        NotSearchedSuffix => "Recherchez l'adresse e-mail exacte pour trouver ces fiches.",
        HandlingTitle => "Traitement des données personnelles",
        HandlingHint => {
            "Quels champs personnels omettre lorsque des fiches quittent Consentry. L'export d'une personne concernée contient toujours tout ce qui la concerne. Choisissez les champs pour « Omettre les champs que je choisis » dans Modules et champs."
        }
        DestinationExports => "Exports CSV et JSON par le personnel",
        DestinationApi => "Lectures via l'API REST avec une clé API",
        DestinationWebhooks => "Contenu des webhooks",
        ExcludeNone => "Ne rien omettre",
        ExcludeSensitive => "Omettre les champs sensibles",
        ExcludeAllPersonal => "Omettre tous les champs personnels",
        ExcludeChosen => "Omettre les champs que je choisis",
        LeftOutColumn => "Omis de",
        ExportCsv => "Exporter en CSV",
        ExportJson => "Exporter en JSON",
        CsvSeparatorLabel => "Séparateur CSV",
        ExportHintList => {
            "L'export contient les fiches indiquées ci-dessus : celles sélectionnées ou, si rien n'est sélectionné, toutes les fiches correspondant aux filtres (100 000 au plus), selon les préférences de traitement des données personnelles ; chaque export est consigné dans la piste d'audit."
        }
        ShortExports => "Exports",
        ShortApi => "API",
        ShortWebhooks => "Webhooks",
        ApiKeysTitle => "Clés API",
        ApiKeysIntro => {
            "Les clés permettent à d'autres systèmes (un CRM, une boutique, un outil d'e-mailing) d'utiliser l'API de Consentry sans qu'une personne se connecte : envoyez `Authorization: Bearer <key>`. Chaque clé ne peut faire que ce que ses portées autorisent."
        }
        ApiKeyShownOnce => "Copiez cette clé maintenant : elle n'est affichée qu'une fois",
        ApiKeyUsage => {
            "Consentry n'en conserve qu'une empreinte. Perdue ? Révoquez-la et créez-en une nouvelle."
        }
        ApiKeyRevoked => "La clé est révoquée ; elle ne fonctionne plus.",
        NoApiKeys => "Pas encore de clé API.",
        ConfirmRevokeKey => "Les systèmes qui l'utilisent cessent immédiatement de fonctionner.",
        ConfirmRemoveWebhook => {
            "Consentry cesse immédiatement d'envoyer des événements à cette adresse."
        }
        ScopeRecordsRead => "lire les fiches, les modules et les champs",
        ScopeRecordsWrite => "créer, modifier et supprimer des fiches et leur base",
        ScopeSettingsRead => "lire les paramètres de conformité",
        ScopeConsentRead => "lire les événements de consentement d'une fiche",
        ScopeConsentWrite => "envoyer aux fiches des demandes de consentement par e-mail",
        ScopeDsrRead => {
            "lire les demandes des personnes concernées, leurs exports et la liste d'exclusion"
        }
        ScopeDsrWrite => "enregistrer les demandes des personnes concernées et les faire avancer",
        ApiKeyPrefix => "Clé",
        Scopes => "Portées",
        LastUsed => "Dernière utilisation",
        NeverUsed => "Jamais",
        Revoked => "Révoquée",
        Revoke => "Révoquer",
        CreateApiKey => "Créer une clé API",
        ApiKeyName => "À quoi sert-elle ?",
        ApiReference => "Référence de l'API : chaque route, ses paramètres, portées et réponses",
        WebhooksTitle => "Webhooks",
        WebhooksIntro => {
            "Consentry envoie chaque événement choisi en POST à votre adresse publique https://, signé selon Standard Webhooks : vérifiez les en-têtes webhook-id, webhook-timestamp et webhook-signature avec une bibliothèque Standard Webhooks et le secret (whsec_…), et refusez les livraisons de plus de 5 minutes. Toute réponse autre que 2xx est réessayée avec des pauses croissantes pendant 24 heures, avec le même webhook-id ; les redirections ne sont pas suivies. Une livraison toujours pas acceptée devient alors non distribuable : « Réessayer » l'envoie de nouveau. Les champs personnels suivent la préférence de traitement des données personnelles pour les webhooks (champs sensibles omis sauf choix contraire) ; les événements d'effacement ne contiennent aucune donnée personnelle."
        }
        WebhookSecretOnce => {
            "Copiez ce secret de signature maintenant : il n'est affiché qu'une fois."
        }
        WebhookLegacySecret => {
            "ancien secret : ajoutez de nouveau le webhook pour obtenir un secret Standard Webhooks"
        }
        WebhookUrl => "Adresse (https://)",
        WebhookEvents => "Événements",
        AddWebhook => "Ajouter un webhook",
        DeliveryLog => "Livraisons",
        Refresh => "Actualiser",
        DeliveryState => "État",
        Attempts => "Tentatives",
        ReceiverAnswer => "Réponse",
        DeliveryPending => "Nouvel essai",
        DeliveryDelivered => "Livrée",
        DeliveryDead => "Non distribuable : pas acceptée en 24 heures",
        RetryDelivery => "Réessayer",
        DeliveryRetried => "Remise en file d'attente : elle part avec le même webhook-id.",
        FailureTargetNotAllowed => "adresse cible non autorisée",
        FailureConnect => "connexion impossible",
        FailureTimeout => "pas de réponse à temps",
        FailureRedirected => "redirection, non suivie",
        FailurePayload => "Consentry n'a pas pu construire le contenu",
        EventConsentChanged => "le consentement d'une fiche a changé",
        EventBasisChanged => "la base juridique d'une fiche a changé",
        EventDsrCreated => "une demande de personne concernée a été enregistrée",
        EventDsrCompleted => "une demande de personne concernée a été traitée",
        EventRecordErased => "les données d'une personne concernée ont été effacées",
        EventAuditCheckpoint => "le journal d'audit a été signé (un point de contrôle à conserver)",
        ReviewExport => "Télécharger l'export pour le vérifier",
        SendExport => "Envoyer à la personne son lien de téléchargement",
        ExportHint => {
            "Un ZIP de toutes les fiches contenant l'adresse, avec leur historique, les choix de consentement et les demandes (JSON et CSV). La personne reçoit un lien valable 7 jours ; le fichier n'est jamais joint à un e-mail."
        }
        ExportSent => "Le lien de téléchargement est en route ; la demande est traitée.",
        StopRecords => "Arrêter le traitement des fiches",
        StopRecordsHint => {
            "Les fiches listées ici passent en lecture seule et sont exclues des e-mails et des actions groupées, jusqu'à la levée de l'arrêt, motif à l'appui."
        }
        OverridingGrounds => {
            "Motifs légitimes et impérieux (laisser vide pour accepter l'opposition)"
        }
        DecideObjection => "Statuer sur l'opposition",
        ObjectionHint => {
            "Acceptée : les fiches traitées sur la base des intérêts légitimes ne sont plus traitées. Avec des motifs légitimes et impérieux, l'opposition est refusée et ces motifs sont communiqués à la personne."
        }
        ResumeTitle => "Le traitement est arrêté",
        ResumeReason => "Pourquoi le traitement peut-il reprendre ?",
        ResumeProcessing => "Reprendre le traitement",
        SubjectAsked => "La personne a demandé",
        ApplyCorrection => "Appliquer la rectification à cette fiche",
        CorrectionApplied => {
            "Rectification appliquée. Clôturez la demande quand toutes les fiches sont correctes."
        }
        SendDataRequestLink => "Envoyer par e-mail le lien du centre de confidentialité",
        DataRequestLinkDone => {
            "Le lien du centre de confidentialité est en route vers la personne."
        }
        EvidenceReport => "Télécharger le rapport de preuve",
        OutboxIntro => "Chaque message envoyé par Consentry, avec son statut de distribution.",
        OutboxNoSmtp => {
            "Aucun serveur SMTP n'est configuré : les messages sont conservés ici et ne sont pas distribués. Ouvrez chacun avec « Envoyer manuellement » et envoyez-le vous-même : la fiche d'une demande de consentement n'est en attente qu'à partir de ce moment."
        }
        Recipient => "Destinataire",
        MessageSubject => "Objet",
        DeliveryLabel => "Distribution",
        CreatedAt => "Créé",
        EmptyOutbox => {
            "Aucun message pour l'instant. Ils apparaissent ici dès que Consentry écrit aux personnes concernées : demandes de consentement (Fiches › Demander le consentement), confirmations d'inscription, codes du centre de confidentialité."
        }
        DeliveryStored => "Conservé dans la boîte d'envoi",
        DeliveryQueued => "En file d'attente",
        DeliverySent => "Envoyé",
        DeliveryFailed => "Échec",
        OutboxSmtp => {
            "Les messages sont distribués via le serveur SMTP configuré et réessayés avec des pauses croissantes tant qu'il ne les prend pas ; chacun indique ce que le serveur a répondu. Les liens personnels sont affichés masqués."
        }
        BulkConsentTitle => "Demander le consentement par e-mail",
        BulkConsentIntro => {
            "Chaque fiche indiquée ci-dessus (celles sélectionnées ou, si rien n'est sélectionné, toutes les fiches trouvées) reçoit son propre lien vers le formulaire choisi. Les fiches qui ne peuvent pas être sollicitées (pas d'adresse e-mail, traitement arrêté, refus antérieur, base autre que Consentement) sont ignorées et comptées."
        }
        ConfirmBulkConsent => "fiches recevront une demande de consentement. Continuer ?",
        BulkConsentProgress => "Demandes de consentement",
        MinutesLeft => "encore environ {n} min",
        UnderAMinuteLeft => "encore moins d'une minute",
        Copy => "Copier",
        Copied => "Copié",
        CopyRefused => {
            "Le navigateur a refusé de copier ; sélectionnez le texte et copiez-le vous-même."
        }
        SigningSecret => "Secret de signature",
        BulkConsentSkipped => "Ignorées :",
        SkipNoEmail => "pas d'adresse e-mail",
        SkipDeleted => "supprimée entre-temps",
        SkipStopProcessing => "traitement arrêté",
        SkipDenied => "refus antérieur",
        SkipNotConsent => "base autre que Consentement",
        SkipCompliance => "conformité désactivée",
        SkipEmailHidden => "formulaire sans e-mail",
        SkipOther => "autres motifs",
        SkipAnswered => "déjà répondu",
        KindConsentRequest => "Demande de consentement",
        KindSignUpConfirmation => "Confirmation d'inscription",
        KindPrivacyCentreCode => "Code du centre de confidentialité",
        KindRequestNotice => "Avis concernant une demande",
        KindExportLink => "Lien d'export des données",
        KindOther => "Message",
        MessageKindLabel => "Type",
        OutboxMessagesRetried => "Messages remis en file d'attente :",
        OutboxMessageRetried => {
            "Remis en file d'attente : il part dès que le serveur de messagerie le prend."
        }
        OutboxMessageRenewed => {
            "Son lien ne fonctionnait plus : une nouvelle demande de consentement avec un nouveau lien a été mise en file d'attente à sa place."
        }
        HandedOverTitle => "Envoyer ce message manuellement",
        HandedOverHint => {
            "Copiez-le maintenant dans un e-mail au destinataire : il n'est affiché que cette fois, avec le lien personnel. Il est marqué comme envoyé, et la fiche d'une demande de consentement est en attente à partir de maintenant."
        }
        OutboxFailedCount => "messages n'ont pas été distribués.",
        RetryFailed => "Réessayer les échecs",
        RetryMessage => "Réessayer",
        HandOver => "Envoyer manuellement",
        NextAttempt => "prochaine tentative",
        MessageReplaced => "remplacé par un message plus récent",
        BulkConsentRequested => "Demandes effectuées :",
        BulkConsentQueued => "En file d'attente :",
        BulkConsentStored => "Conservées dans la boîte d'envoi :",
        BulkConsentDelivered => "Distribuées :",
        BulkConsentFailed => "Non distribuées :",
        BulkConsentUndelivered => {
            "Certaines demandes n'ont pas été distribuées ; leurs fiches restent inchangées. Réessayez-les dans la"
        }
        BulkConsentInterrupted => {
            "Interrompu : le serveur s'est arrêté pendant cette demande groupée. Les demandes comptées ici sont dans la boîte d'envoi et sont envoyées normalement ; les autres fiches n'ont pas été sollicitées. Sollicitez le reste de la liste : celles que cette demande a atteintes sont ignorées."
        }
        ConsentRequestStoredMsg => {
            "Demande de consentement conservée dans la boîte d'envoi : envoyez-la manuellement depuis celle-ci. La fiche passe en attente dès que vous le faites."
        }
        ConsentRequestQueuedMsg => {
            "Demande de consentement en file d'attente : la fiche passe en attente dès que le serveur de messagerie l'accepte."
        }
        ConsentRequestDeliveredMsg => {
            "Demande de consentement distribuée : le serveur de messagerie l'a acceptée, et la fiche attend une réponse."
        }
        ConsentRequestFailedMsg => {
            "Demande de consentement non distribuée : la fiche reste inchangée. Voir la boîte d'envoi."
        }
        RequestQueued => "En file d'attente pour le serveur de messagerie",
        RequestStored => "Conservée dans la boîte d'envoi, à envoyer manuellement",
        RequestDelivered => "Distribuée",
        RequestFailed => "Échec de distribution : la fiche reste inchangée",
        ConsentRequestLabel => "Demande de consentement",
        SkipAskedSince => "sollicitée depuis",
        SkipAskedSinceLabel => {
            "Ignorer les fiches ayant reçu une demande de consentement depuis (UTC, facultatif)"
        }
        SkipAskedSinceHint => {
            "Pour solliciter le reste d'une liste dont la demande précédente a été interrompue : les fiches dont la demande est en file d'attente ou a été distribuée depuis sont ignorées ; celles dont la demande a échoué sont sollicitées de nouveau."
        }
        BulkConsentAskRest => "Solliciter le reste de la liste",
        BulkConsentSkippingSince => {
            "Les fiches ayant reçu une demande de consentement depuis sont ignorées :"
        }
        ReportTitle => "Preuve d'une demande de personne concernée",
        ReportRequestId => "Numéro de la demande",
        ReportRight => "Droit exercé",
        ReportReceivedThrough => "Reçue via",
        ReportDueOn => "Échéance le",
        ReportExtendedTo => "Prolongée jusqu'au",
        ReportClosedOn => "Clôturée le",
        ReportToldRequester => "Communiqué au demandeur",
        ReportWrittenAt => "rédigé",
        ReportEveryStep => "Toutes les étapes",
        ReportEntryHash => "Empreinte de l'entrée",
        ReportChainIntro => {
            "Chaque étape est une entrée du journal d'audit chaîné par hachage de l'organisation ; son numéro est sa place dans la chaîne. La chaîne entière, vérifiée lors de l'établissement de ce rapport :"
        }
        ReportChainIntact => "intacte : chaque entrée est vérifiée. Entrées vérifiées :",
        ReportChainRedacted => {
            "Entrées dont les détails ont été effacés, chacune consignée par une entrée de caviardage :"
        }
        ReportCheckpointMatch => "Elle correspond au point de contrôle signé de l'entrée",
        ReportNoCheckpoint => {
            "Aucun point de contrôle signé n'existait encore : des entrées supprimées à la fin n'auraient donc pas pu être remarquées."
        }
        ReportChainBroken => "ROMPUE à l'entrée",
        ReportGenerated => "Rapport établi",
        ProblemEntryChanged => {
            "le contenu ou le lien d'une entrée ne correspond pas à son empreinte"
        }
        ProblemEntryMissing => "une entrée au milieu a disparu",
        ProblemDetailChanged => "un détail ne correspond pas à ce que la chaîne contient pour lui",
        ProblemDetailMissing => {
            "un détail a disparu et aucune entrée de caviardage n'en donne la raison"
        }
        ProblemTruncated => "des entrées postérieures à un point de contrôle signé ont disparu",
        ProblemRehashed => {
            "le journal diffère d'un point de contrôle signé : il a été modifié puis haché de nouveau"
        }
        ProblemEmptied => "le journal de l'organisation ne contient aucune entrée",
        ProblemCheckpointInvalid => {
            "la signature d'un point de contrôle ne se vérifie pas avec la clé d'audit de cette installation"
        }
        RetentionIntro => {
            "Limitation de la conservation (art. 5.1.e du RGPD) : une fois par jour, Consentry recherche les fiches conservées au-delà de la durée de conservation sans raison de les garder : aucune base, une demande de consentement restée sans réponse, un consentement retiré ou refusé, ou un contrat terminé. Les fiches soumises à une obligation de conservation ou visées par une demande de personne concernée en cours sont exclues. Les effacer fonctionne comme une demande d'effacement : rien n'en subsiste, leurs adresses vont sur la liste d'exclusion, et le journal d'audit consigne l'opération."
        }
        RetentionReviewed => "Les fiches viennent d'être revues.",
        RetentionOff => {
            "Aucune durée de conservation n'est définie : les fiches sont conservées jusqu'à ce que quelqu'un les supprime, et rien n'est revu. Définissez une durée dans"
        }
        RetentionLastReview => "Dernière revue",
        RetentionNeverReviewed => "Pas encore revu",
        RetentionAutoErase => {
            "Effacer automatiquement les fiches expirées après chaque revue quotidienne"
        }
        RetentionAutoEraseHint => {
            "Désactivé : les fiches sont listées pour que vous les vérifiiez et les effaciez. Activé : Consentry les efface lui-même, sauf les fiches soumises à une obligation de conservation et celles visées par une demande en cours."
        }
        RetentionReviewNow => "Revoir maintenant",
        RetentionErasedCount => "Fiches effacées :",
        RetentionKeptCount => {
            "conservées (modifiées depuis la revue, bloquées ou visées par une demande) :"
        }
        RetentionConfirmTitle => "Effacer définitivement ces fiches ?",
        RetentionEraseButton => "Effacer les fiches expirées",
        RetentionConfirmBody => {
            "Chaque fiche listée est effacée avec son historique de consentement, ses messages et ses liens, comme le ferait une demande d'effacement. Leurs adresses vont sur la liste d'exclusion. Cette opération est irréversible ; une fiche modifiée depuis la revue est conservée."
        }
        RetentionFound => "Fiches expirées trouvées",
        RetentionReason => "Motif",
        RecordCount => "Fiches",
        RetentionAllReasons => "Tous les motifs",
        RetentionNothing => "Rien n'a expiré : chaque fiche a une raison d'être conservée.",
        RetentionSince => "Depuis",
        LapseNoBasis => "Aucune base (Non applicable)",
        LapseNotResponded => "Consentement sans réponse",
        LapseWithdrawn => "Consentement retiré",
        LapseDenied => "Consentement refusé",
        LapseContractEnded => "Contrat terminé",
        RecordRetention => "Conservation",
        RecordRetentionHint => {
            "Une obligation de conservation garde cette fiche quelle que soit la durée de conservation, et empêche une demande d'effacement de l'effacer (art. 17.3.e du RGPD), jusqu'à ce que vous la leviez. Le jour où un contrat a pris fin marque le début de sa durée de conservation."
        }
        LegalHold => "Obligation de conservation",
        LegalHoldReason => "Pourquoi elle est conservée",
        ContractEndedOn => "Contrat terminé le",
        RenewalDue => "À renouveler",
        RenewalDueCount => "Consentements à renouveler",
        ConsentRenewal => "Renouvellement du consentement",
        ConsentRenewalHint => {
            "Le consentement n'est pas éternel : au terme de sa durée de validité, un consentement Obtenu est à renouveler. Trouvez ces fiches avec le filtre À renouveler et envoyez-leur une demande de consentement ; sans nouvelle réponse dans le délai de grâce, leur statut devient Sans réponse."
        }
        ConsentAges => "Le consentement obtenu doit être renouvelé",
        ConsentLifetimeDays => "Durée de validité du consentement (jours)",
        RenewalGraceDays => "Délai de grâce pour le renouvellement (jours)",
        SelectRow => "Sélectionner",
        SelectPage => "Sélectionner toutes les lignes de cette page",
        Columns => "Colonnes",
        ColumnsShown => "Colonnes affichées",
        OfTotal => "sur",
        Pages => "Pages",
        RowsPerPage => "Lignes par page",
        PreviousPage => "Page précédente",
        NextPage => "Page suivante",
        AskForConsent => "Demander le consentement",
        Export => "Exporter",
        ScopeAllMatching => {
            "Rien de sélectionné : les actions s'appliquent à toutes les fiches trouvées,"
        }
        ScopeSelected => "sélectionnées : les actions ne s'appliquent qu'à ces fiches",
        ClearSelection => "Effacer la sélection",
        RecordActions => "Actions sur les fiches",
        ClosePanel => "Fermer",
        ClearFilters => "Afficher toutes les fiches (effacer les filtres)",
        ReviewChange => "Vérifier la modification",
        Actions => "Actions",
        SequenceNumber => "N°",
        AuditEntries => "Entrées",
        Anyone => "Tout le monde",
        FromDay => "Du",
        UntilDay => "Jusqu'au (inclus)",
        AuditDaysHint => {
            "Les jours vont de minuit à minuit dans le fuseau horaire de l'organisation. L'export CSV contient chaque entrée correspondant aux filtres, la plus ancienne d'abord, avec son empreinte."
        }
        NoAuditEntries => {
            "Aucune entrée ne correspond à ces filtres. Élargissez la période ou choisissez une autre action ou personne."
        }
        RequestsInList => "demandes dans cette liste",
        Gpc => "GPC",
        Changes => "Modifications",
        Day => "Jour",
        ShowTheNumbers => "Afficher les chiffres",
        NearestDeadlines => "Échéances les plus proches",
        NoOpenRequests => "Aucune demande de personne concernée en cours.",
        AllRequests => "Toutes les demandes",
        UntilBeforeFrom => {
            "La date de fin précède la date de début : choisissez un jour de fin égal ou postérieur au jour de début."
        }
        RecordPageTitle => "Fiche",
        FormPageTitle => "Formulaire de consentement",
        SortNewestFirst => "Afficher les plus récentes d'abord",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_french_keep_what_code_fills_in() {
        for lang in [Lang::De, Lang::Fr] {
            assert!(
                text(lang, Msg::WidgetCookiesOf).contains("{purpose}"),
                "{lang:?}"
            );
            assert!(
                text(lang, Msg::TemplatesIntro).contains("{{record.first_name}}"),
                "{lang:?}"
            );
            assert!(
                text(lang, Msg::CheckpointIntro).contains("`consentry verify-audit --checkpoint "),
                "{lang:?}"
            );
            // Texts a number or a value follows end as the English ones do.
            for msg in [
                Msg::BulkDone,
                Msg::ChainIntact,
                Msg::ImportedCount,
                Msg::ReasonResumed,
            ] {
                assert!(text(lang, msg).ends_with(':'), "{lang:?} {msg:?}");
            }
        }
    }

    #[test]
    fn every_language_has_every_frame_message_in_its_frame() {
        let frames: [(Lang, FrameCatalogue); 4] = [
            (Lang::En, en_frame),
            (Lang::Nl, nl_frame),
            (Lang::De, de_frame),
            (Lang::Fr, fr_frame),
        ];
        assert_eq!(frames.len(), Lang::ALL.len());
        for (lang, frame) in frames {
            for msg in FRAME {
                let words = frame(*msg).unwrap_or_default();
                assert!(!words.is_empty(), "{lang:?} {msg:?}");
                assert_eq!(text(lang, *msg), words, "{lang:?} {msg:?}");
            }
            // A message beyond the frame comes with the whole catalogue only.
            assert_eq!(frame(Msg::Save), None, "{lang:?}");
        }
        assert_ne!(nl_frame(Msg::SignIn), en_frame(Msg::SignIn));
    }

    #[test]
    fn german_and_french_do_not_fall_back_to_english() {
        let samples = [
            Msg::SignIn,
            Msg::RecordsIntro,
            Msg::ControllerIntro,
            Msg::LegalBasisLabel,
            Msg::DataSubjectRequests,
            Msg::RetentionIntro,
            Msg::WebhooksIntro,
            Msg::RenewalGraceDays,
        ];
        for lang in [Lang::De, Lang::Fr] {
            for msg in samples {
                assert_ne!(text(lang, msg), text(Lang::En, msg), "{lang:?} {msg:?}");
                assert_ne!(text(lang, msg), text(Lang::Nl, msg), "{lang:?} {msg:?}");
            }
        }
        assert_ne!(text(Lang::De, Msg::SignIn), text(Lang::Fr, Msg::SignIn));
    }
}
