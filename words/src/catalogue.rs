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
    NavSetup,
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
    LawfulReasonHint,
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
    ConfirmBulk,
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
    SortBy,
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
    LanguageCode,
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
    EditForm,
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
    CurrentKey,
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
    OutboxShowOlder,
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
}

/// The text of `msg` in `lang`.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => en(msg),
        Lang::Nl => nl(msg),
    }
}

fn en(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppName => "Consentry",
        Language => "Language",
        Loading => "Loading…",
        Saving => "Saving…",
        Save => "Save",
        Saved => "Saved.",
        Remove => "Remove",
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
        MainNavigation => "Main navigation",
        NavSetup => "Setup",
        NavComplianceSettings => "Compliance Settings",
        NavUsers => "Users",
        UserMenu => "User menu",
        YourAccount => "Your account",
        SignedInAs => "Signed in as",
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
        ConfirmRemoveUser => "Remove this user? Their sessions end at once.",
        You => "you",
        ComplianceTitle => "Compliance Settings",
        ComplianceIntro => {
            "Turn on GDPR compliance for your organisation and choose how consent is handled."
        }
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
        RecordsTitle => "Records",
        RecordsIntro => "Everyone you hold data about, with the legal basis for processing it.",
        Filters => "Filters",
        Module => "Module",
        AllModules => "All modules",
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
        BulkTitle => "Change the legal basis of the filtered records",
        BulkIntro => {
            "Applies to every record that matches the filters above, in modules with compliance enabled. Records whose processing is stopped are left alone."
        }
        NewBasis => "New basis",
        LawfulReason => "Lawful reason",
        LawfulReasonHint => "Why processing is lawful, e.g. the contract or law it rests on.",
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
        ConfirmBulk => "records will get the new legal basis. Continue?",
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
        SortBy => "Order",
        AddModule => "Add module",
        ModuleName => "New module",
        ModuleAdded => "Module added.",
        ErrorModuleTaken => "A module with this name exists already.",
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
        ConfirmDeleteField => {
            "Remove this field? Its value is removed from every record of the module."
        }
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
        NavConsentForms => "Consent forms",
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
        LanguageCode => "Language code (two letters, e.g. de)",
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
        EditForm => "Edit",
        ConsentRequestTitle => "Ask for consent by e-mail",
        ConsentRequestHint => {
            "The data subject gets a personal link to the published form; it works until the waiting period ends."
        }
        FormToSend => "Form",
        SendConsentRequest => "Send consent request",
        NoPublishedForms => "Publish a consent form first (Setup › Consent forms).",
        NavTemplates => "E-mail templates",
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
        ConfirmDeleteTemplate => {
            "Delete this template? Messages already sent with it stay in the outbox."
        }
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
        NavRequests => "Requests",
        RequestsIntro => {
            "Requests from data subjects, soonest deadline first. Answer within one month (art. 12(3)); the deadline can be extended by two months at most, with a reason."
        }
        AnyType => "Any right",
        AnyStatus => "Any status",
        Overdue => "Overdue",
        DueSoon => "Due within 7 days",
        NoQueue => "No requests match.",
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
        ConfirmErase => "Erase this data subject's personal data now? This cannot be undone.",
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
        CurrentKey => "Data key in use",
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
            "Exports hold every record matching the filters (at most 100,000), following the personal data handling preferences; each export is recorded in the audit trail."
        }
        ShortExports => "Exports",
        ShortApi => "API",
        ShortWebhooks => "Webhooks",
        NavApiKeys => "API keys and webhooks",
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
        ConfirmRevokeKey => "Revoke this key? Systems using it stop working at once.",
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
        NavOutbox => "Outbox",
        OutboxIntro => "Every message Consentry sends, with its delivery status.",
        OutboxNoSmtp => {
            "No SMTP server is configured, so messages are kept here and not delivered. Open each with Send by hand and mail it yourself: a consent request's record waits from then on, not before."
        }
        Recipient => "Recipient",
        MessageSubject => "Subject",
        DeliveryLabel => "Delivery",
        CreatedAt => "Created",
        EmptyOutbox => "No messages yet.",
        DeliveryStored => "Kept in the outbox",
        DeliveryQueued => "Queued",
        DeliverySent => "Sent",
        DeliveryFailed => "Failed",
        OutboxSmtp => {
            "Messages are delivered through the configured SMTP server and retried with growing pauses while it does not take them; each shows what the server answered. Personal links show masked."
        }
        BulkConsentTitle => "Ask these records for consent by e-mail",
        BulkConsentIntro => {
            "Every record in the list above gets its own link to the chosen form. Records that cannot be asked (no e-mail address, processing stopped, refused before, basis not Consent) are skipped and counted."
        }
        ConfirmBulkConsent => "records will be asked for consent. Continue?",
        BulkConsentProgress => "Consent requests",
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
        OutboxShowOlder => "Show older messages",
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
        NavRetention => "Retention review",
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
        ErrorLegalHold => {
            "A record here is under a legal hold, so nothing was erased or deleted: lift the hold in the record's Retention section first (or reject an erasure request, giving the hold's reason)."
        }
        ErrorNoRetentionPeriod => {
            "No retention period is set: set one under Setup › Compliance Settings first."
        }
        RenewalDue => "Renewal due",
        RenewalDueCount => "Consent due for renewal",
        ConsentRenewal => "Consent renewal",
        ConsentRenewalHint => {
            "Consent is not forever: after its lifetime, Obtained consent is renewal due. Find those records with the Renewal due filter and send them a consent request; without a renewed answer within the grace period, their status becomes Not Responded."
        }
        ConsentAges => "Obtained consent must be renewed",
        ConsentLifetimeDays => "Consent lifetime (days)",
        RenewalGraceDays => "Grace period for renewal (days)",
    }
}

fn nl(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppName => "Consentry",
        Language => "Taal",
        Loading => "Laden…",
        Saving => "Opslaan…",
        Save => "Opslaan",
        Saved => "Opgeslagen.",
        Remove => "Verwijderen",
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
        MainNavigation => "Hoofdnavigatie",
        NavSetup => "Instellingen",
        NavComplianceSettings => "Nalevingsinstellingen",
        NavUsers => "Gebruikers",
        UserMenu => "Gebruikersmenu",
        YourAccount => "Uw account",
        SignedInAs => "Ingelogd als",
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
        ConfirmRemoveUser => "Deze gebruiker verwijderen? De sessies eindigen direct.",
        You => "u",
        ComplianceTitle => "Nalevingsinstellingen",
        ComplianceIntro => {
            "Schakel AVG-naleving in voor uw organisatie en kies hoe toestemming wordt behandeld."
        }
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
        RecordsTitle => "Records",
        RecordsIntro => {
            "Iedereen van wie u gegevens hebt, met de wettelijke grondslag om die te verwerken."
        }
        Filters => "Filters",
        Module => "Module",
        AllModules => "Alle modules",
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
        BulkTitle => "Wettelijke grondslag van de gefilterde records wijzigen",
        BulkIntro => {
            "Geldt voor elk record dat aan de filters hierboven voldoet, in modules waarvoor naleving is ingeschakeld. Records waarvan de verwerking is gestopt, blijven ongewijzigd."
        }
        NewBasis => "Nieuwe grondslag",
        LawfulReason => "Rechtmatige reden",
        LawfulReasonHint => {
            "Waarom de verwerking rechtmatig is, bijvoorbeeld de overeenkomst of wet waarop die berust."
        }
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
        ConfirmBulk => "records krijgen de nieuwe wettelijke grondslag. Doorgaan?",
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
        SortBy => "Volgorde",
        AddModule => "Module toevoegen",
        ModuleName => "Nieuwe module",
        ModuleAdded => "Module toegevoegd.",
        ErrorModuleTaken => "Er bestaat al een module met deze naam.",
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
        ConfirmDeleteField => {
            "Dit veld verwijderen? De waarde wordt uit elk record van de module verwijderd."
        }
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
        NavConsentForms => "Toestemmingsformulieren",
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
        LanguageCode => "Taalcode (twee letters, bijv. de)",
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
        EditForm => "Bewerken",
        ConsentRequestTitle => "Toestemming vragen per e-mail",
        ConsentRequestHint => {
            "De betrokkene krijgt een persoonlijke link naar het gepubliceerde formulier; die werkt tot de wachttijd voorbij is."
        }
        FormToSend => "Formulier",
        SendConsentRequest => "Toestemmingsverzoek versturen",
        NoPublishedForms => {
            "Publiceer eerst een toestemmingsformulier (Instellingen › Toestemmingsformulieren)."
        }
        NavTemplates => "E-mailsjablonen",
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
        ConfirmDeleteTemplate => {
            "Dit sjabloon verwijderen? Berichten die ermee zijn verstuurd blijven in de outbox."
        }
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
        NavRequests => "Verzoeken",
        RequestsIntro => {
            "Verzoeken van betrokkenen, de eerste deadline bovenaan. Antwoord binnen een maand (art. 12(3)); de deadline kan met hoogstens twee maanden worden verlengd, met een reden."
        }
        AnyType => "Elk recht",
        AnyStatus => "Elke status",
        Overdue => "Te laat",
        DueSoon => "Binnen 7 dagen",
        NoQueue => "Geen verzoeken gevonden.",
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
            "De persoonsgegevens van deze betrokkene nu wissen? Dit kan niet ongedaan worden gemaakt."
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
        CurrentKey => "Gebruikte gegevenssleutel",
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
            "Exports bevatten alle records die aan de filters voldoen (hoogstens 100.000), volgens de voorkeuren voor persoonsgegevens; elke export wordt vastgelegd in het auditlogboek."
        }
        ShortExports => "Exports",
        ShortApi => "API",
        ShortWebhooks => "Webhooks",
        NavApiKeys => "API-sleutels en webhooks",
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
        ConfirmRevokeKey => {
            "Deze sleutel intrekken? Systemen die hem gebruiken werken dan direct niet meer."
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
        NavOutbox => "Outbox",
        OutboxIntro => "Elk bericht dat Consentry verstuurt, met de afleverstatus.",
        OutboxNoSmtp => {
            "Er is geen SMTP-server ingesteld, dus berichten worden hier bewaard en niet afgeleverd. Open elk bericht met Zelf versturen en mail het zelf: het record van een toestemmingsverzoek wacht vanaf dan, niet eerder."
        }
        Recipient => "Ontvanger",
        MessageSubject => "Onderwerp",
        DeliveryLabel => "Aflevering",
        CreatedAt => "Aangemaakt",
        EmptyOutbox => "Nog geen berichten.",
        DeliveryStored => "Bewaard in de outbox",
        DeliveryQueued => "In de wachtrij",
        DeliverySent => "Verzonden",
        DeliveryFailed => "Mislukt",
        OutboxSmtp => {
            "Berichten worden afgeleverd via de ingestelde SMTP-server en opnieuw geprobeerd met groeiende pauzes zolang die ze niet aanneemt; bij elk staat wat de server antwoordde. Persoonlijke links staan gemaskeerd."
        }
        BulkConsentTitle => "Deze records per e-mail om toestemming vragen",
        BulkConsentIntro => {
            "Elk record in de lijst hierboven krijgt een eigen link naar het gekozen formulier. Records die niet gevraagd kunnen worden (geen e-mailadres, verwerking gestopt, eerder geweigerd, grondslag niet Toestemming) worden overgeslagen en geteld."
        }
        ConfirmBulkConsent => "records worden om toestemming gevraagd. Doorgaan?",
        BulkConsentProgress => "Toestemmingsverzoeken",
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
        OutboxShowOlder => "Oudere berichten tonen",
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
        NavRetention => "Bewaartermijncontrole",
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
        ErrorLegalHold => {
            "Een record heeft een bewaarplicht, dus er is niets gewist of verwijderd: hef die eerst op in het onderdeel Bewaren van het record (of wijs een wisverzoek af met de reden ervan)."
        }
        ErrorNoRetentionPeriod => {
            "Er is geen bewaartermijn ingesteld: stel die eerst in via Instellingen › Nalevingsinstellingen."
        }
        RenewalDue => "Vernieuwing nodig",
        RenewalDueCount => "Toestemming toe aan vernieuwing",
        ConsentRenewal => "Vernieuwen van toestemming",
        ConsentRenewalHint => {
            "Toestemming geldt niet voor altijd: na de geldigheidsduur moet verkregen toestemming worden vernieuwd. Zoek die records met het filter Vernieuwing nodig en stuur ze een toestemmingsverzoek; zonder vernieuwd antwoord binnen de respijttermijn wordt de status Niet gereageerd."
        }
        ConsentAges => "Verkregen toestemming moet worden vernieuwd",
        ConsentLifetimeDays => "Geldigheidsduur van toestemming (dagen)",
        RenewalGraceDays => "Respijttermijn voor vernieuwing (dagen)",
    }
}
