// Generated from core/schema by bindings-wasm/types/generate.mjs. Do not edit.
/**
 * US dollars as an exact decimal string, e.g. "125.00".
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Money".
 */
export type Money = string;
/**
 * Kinds of service with their own cost sharing.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ServiceCategory".
 */
export type ServiceCategory =
  "officeVisit" | "specialist" | "preventive" | "imaging" | "lab" | "surgery" | "emergency" | "drug" | "other";
/**
 * X12 code, e.g. A E P R M W X (others kept as sent)
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AckCode".
 */
export type AckCode = string;
/**
 * How serious a finding is.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = "error" | "warning";
/**
 * Claim adjustment group code: CO, PR, OA or PI.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "GroupCode".
 */
export type GroupCode = string;
/**
 * Claim Adjustment Reason Code.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Carc".
 */
export type Carc = string;
/**
 * One sentence of a line's explanation.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Explanation".
 */
export type Explanation = string;
/**
 * CPT, HCPCS Level II or CDT procedure code (5 characters).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProcedureCode".
 */
export type ProcedureCode = string;
/**
 * In or out of the plan's network.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Network".
 */
export type Network = "inNetwork" | "outOfNetwork";
/**
 * What an age is counted from.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AgingBasis".
 */
export type AgingBasis = "dateOfService" | "firstBilled" | "lastPayment";
/**
 * Who is responsible for an amount, or paid it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LedgerParty".
 */
export type LedgerParty =
  | {
      primary: string;
    }
  | {
      secondary: string;
    }
  | {
      tertiary: string;
    }
  | {
      payer: string;
    }
  | "patient";
/**
 * Who asks.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Audience".
 */
export type Audience = "patient" | "payer";
/**
 * A SHA-256 hash as 64 lowercase hexadecimal digits.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ChainHash".
 */
export type ChainHash = string;
/**
 * An account of the books. Patient data appears only as the practice's ids: the patient
 * account id and the claim's patient control number.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Account".
 */
export type Account =
  | {
      line: LineAccount;
    }
  | {
      claim: ClaimAccount;
    }
  | {
      patient: PatientAccount;
    }
  | {
      payer: PayerAccount;
    }
  | {
      clearing: ClearingAccount;
    }
  | "suspense";
/**
 * Which of an entry's dates "as of" compares.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DateBasis".
 */
export type DateBasis = "posted" | "effective";
/**
 * CMS place-of-service code (2 digits).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlaceOfService".
 */
export type PlaceOfService = string;
/**
 * Embedded: each person's own limit applies as well as the family's. Aggregate: only the
 * family limit applies to family coverage.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "FamilyAccumulation".
 */
export type FamilyAccumulation = "embedded" | "aggregate";
/**
 * A percentage with a percent sign, e.g. "20%".
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Rate".
 */
export type Rate = string;
/**
 * An ambulance certification condition (CRC03–CRC07 with CRC01 = 07).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AmbulanceCondition".
 */
export type AmbulanceCondition =
  | "admittedToHospital"
  | "movedByStretcher"
  | "unconsciousOrInShock"
  | "emergency"
  | "physicallyRestrained"
  | "visibleHemorrhaging"
  | "medicallyNecessary"
  | "confinedToBedOrChair";
/**
 * Why the patient was taken where they were (CR104).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TransportReason".
 */
export type TransportReason =
  "nearestFacility" | "preferredPhysician" | "nearFamily" | "specialist" | "rehabilitationFacility";
/**
 * Provider accept-assignment code (CLM07).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Assignment".
 */
export type Assignment = "assigned" | "labServicesOnly" | "notAssigned";
/**
 * How a paper or electronic attachment reaches the payer (PWK02).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AttachmentTransmission".
 */
export type AttachmentTransmission = "availableOnRequest" | "byMail" | "electronic" | "email" | "fileTransfer" | "fax";
/**
 * Which certification of durable medical equipment this is (CR301).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CertificationType".
 */
export type CertificationType = "initial" | "renewal" | "revised";
/**
 * A kind of contact number (PER03, PER05, PER07).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ContactNumberKind".
 */
export type ContactNumberKind = "telephone" | "extension" | "fax" | "email";
/**
 * A person's or an organization's name (NM1 entity type 1 or 2).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PartyName".
 */
export type PartyName =
  | {
      entity: "person";
      /**
       * Given name.
       */
      first: string;
      /**
       * Family name.
       */
      last: string;
      /**
       * Middle name or initial.
       */
      middle?: string | null;
      /**
       * Suffix (Jr, III).
       */
      suffix?: string | null;
    }
  | {
      entity: "organization";
      /**
       * The organization's name.
       */
      name: string;
    };
/**
 * National Provider Identifier (10 digits, Luhn check digit).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Npi".
 */
export type Npi = string;
/**
 * What a provider's secondary identifier is (REF01 in the provider loops).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderIdKind".
 */
export type ProviderIdKind = "stateLicense" | "upin" | "commercialNumber" | "locationNumber";
/**
 * A tax identification number.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TaxId".
 */
export type TaxId =
  | {
      kind: "ein";
      value: string;
    }
  | {
      kind: "ssn";
      value: string;
    };
/**
 * NUCC taxonomy code (10 characters ending in X).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Taxonomy".
 */
export type Taxonomy = string;
/**
 * Why a claim is sent after the payer's filing limit (CLM20, both guides).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DelayReason".
 */
export type DelayReason =
  | "proofOfEligibilityUnknown"
  | "litigation"
  | "authorizationDelays"
  | "delayInCertifyingProvider"
  | "delayInSupplyingBillingForms"
  | "delayInDeliveryOfCustomMadeAppliances"
  | "thirdPartyProcessingDelay"
  | "delayInEligibilityDetermination"
  | "originalClaimRejected"
  | "priorApprovalDelay"
  | "other"
  | "naturalDisaster";
/**
 * ICD-10-CM code, dotted or undotted (e.g. "E11.9").
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Icd10Cm".
 */
export type Icd10Cm = string;
/**
 * Professional or institutional content of a claim. In JSON, an object with one key,
 * `professional` or `institutional`, so error paths reach into the lines.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimForm".
 */
export type ClaimForm =
  | {
      professional: Professional;
    }
  | {
      institutional: Institutional;
    };
/**
 * National Drug Code: 11 digits, or hyphenated 4-4-2, 5-3-2, 5-4-1 or 5-4-2.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Ndc".
 */
export type Ndc = string;
/**
 * Unit of measure for a drug quantity (CTP05-1).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DrugUnit".
 */
export type DrugUnit = "F2" | "GR" | "ME" | "ML" | "UN";
/**
 * How a certificate of medical necessity is sent (PWK02 with PWK01 = CT).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CmnTransmission".
 */
export type CmnTransmission =
  "previouslySubmitted" | "includedInClaim" | "narrativeIncluded" | "noDocumentationRequired" | "notSpecified";
/**
 * A durable medical equipment condition indicator (CRC03–CRC04 with CRC01 = 09).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DmeCondition".
 */
export type DmeCondition = "certificationOnFile" | "replacementItem";
/**
 * Procedure modifier (2 characters).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Modifier".
 */
export type Modifier = string;
/**
 * What a note is about (NTE01). The 837P takes `additionalInformation`,
 * `certificationNarrative`, `goalsAndDischargePlans`, `diagnosisDescription` and
 * `thirdPartyOrganization` on the claim; the 837I the rest (its billing note, UB-04
 * FL 80, is `Institutional::billing_note`).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "NoteKind".
 */
export type NoteKind =
  | "additionalInformation"
  | "certificationNarrative"
  | "goalsAndDischargePlans"
  | "diagnosisDescription"
  | "thirdPartyOrganization"
  | "allergies"
  | "durableMedicalEquipment"
  | "medications"
  | "nutritionalRequirements"
  | "ordersForDisciplinesAndTreatments"
  | "functionalLimitations"
  | "reasonsPatientLeavesHome"
  | "timesPatientNotAtHome"
  | "unusualHomeOrSocialEnvironment"
  | "safetyMeasures"
  | "supplementaryPlanOfTreatment"
  | "updatedInformation";
/**
 * A person or an organization (NM102) where the 837 names no one.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EntityType".
 */
export type EntityType = "person" | "organization";
/**
 * How much of a service was given.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Quantity".
 */
export type Quantity =
  | {
      /**
       * An exact decimal number as a string, e.g. "1" or "2.5".
       */
      units: string;
    }
  | {
      minutes: number;
    };
/**
 * The patient's condition for a spinal manipulation (CR208).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SpinalCondition".
 */
export type SpinalCondition =
  "acute" | "chronic" | "nonAcute" | "nonLifeThreatening" | "routine" | "symptomatic" | "acuteManifestationOfChronic";
/**
 * Whether a diagnosis was present when the patient was admitted (837I HI C022-9,
 * UB-04 FL 67). A diagnosis exempt from reporting has no indicator.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PresentOnAdmission".
 */
export type PresentOnAdmission = "yes" | "no" | "unknown" | "clinicallyUndetermined";
/**
 * UB-04 revenue code (4 digits, first 0-3).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RevenueCode".
 */
export type RevenueCode = string;
/**
 * ICD-10-PCS procedure code: 7 digits or letters other than O and I (e.g. "0DTJ4ZZ").
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Icd10Pcs".
 */
export type Icd10Pcs = string;
/**
 * Claim frequency type code: 1 original, 7 replacement, 8 void; 0, 2-5 institutional.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimFrequency".
 */
export type ClaimFrequency = string;
/**
 * How the patient's signature was obtained (837P CLM10).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientSignatureSource".
 */
export type PatientSignatureSource = "providerGenerated";
/**
 * Release-of-information code (CLM09).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ReleaseOfInformation".
 */
export type ReleaseOfInformation = "yes" | "informed";
/**
 * Remittance Advice Remark Code.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Rarc".
 */
export type Rarc = string;
/**
 * Why Medicare is not the primary payer (837P SBR05, the insurance type code).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "InsuranceType".
 */
export type InsuranceType =
  | "workingAged"
  | "endStageRenalDisease"
  | "noFault"
  | "workersCompensation"
  | "publicHealthService"
  | "blackLung"
  | "veteransAdministration"
  | "disabledUnder65"
  | "otherLiability";
/**
 * What a payer's secondary identifier is (REF01 in 2010BB, 2010AC and 2330B).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerIdKind".
 */
export type PayerIdKind =
  "payerIdentificationNumber" | "employerIdentificationNumber" | "claimOfficeNumber" | "naicCode";
/**
 * Which payer this claim goes to for the subscriber (SBR01).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerResponsibility".
 */
export type PayerResponsibility = "primary" | "secondary" | "tertiary";
/**
 * Administrative sex (DMG03).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Sex".
 */
export type Sex = "female" | "male" | "unknown";
/**
 * How a pay-to plan is identified (2010AC NM108).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlanIdKind".
 */
export type PlanIdKind = "payerId" | "cmsPlanId";
/**
 * One related cause (CLM11-1/2).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RelatedCause".
 */
export type RelatedCause = "autoAccident" | "employment" | "otherAccident";
/**
 * Whether a line was priced.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LineStatus".
 */
export type LineStatus =
  | {
      status: "priced";
    }
  | {
      /**
       * Why.
       */
      reason: string;
      status: "notPayable";
    }
  | {
      /**
       * Why.
       */
      reason: string;
      status: "manualPricing";
    };
/**
 * Medicare locality: MAC number and locality number, e.g. "01112-05".
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LocalityId".
 */
export type LocalityId = string;
/**
 * Where a claim's Medicare locality came from (in this order of preference).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LocalitySource".
 */
export type LocalitySource = "contract" | "serviceFacilityZip" | "billingProviderZip" | "serviceZip";
/**
 * What a step did to the running amount.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Operation".
 */
export type Operation =
  | {
      /**
       * The amount.
       */
      amount: Money;
      op: "set";
    }
  | {
      /**
       * The factor.
       */
      factor: string;
      op: "multiply";
    }
  | {
      /**
       * The amount taken off.
       */
      amount: Money;
      op: "subtract";
    }
  | {
      /**
       * The limit.
       */
      limit: Money;
      op: "atMost";
    }
  | {
      op: "round";
      /**
       * Decimal places.
       */
      places: number;
      /**
       * Strategy.
       */
      rounding: Rounding;
    };
/**
 * A rounding strategy, named so that every rounding point says how it rounds.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Rounding".
 */
export type Rounding = "halfAwayFromZero" | "halfEven" | "halfTowardZero" | "up" | "down" | "ceiling" | "floor";
/**
 * Where the PFS data version recorded in a trace came from.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PfsVersionSource".
 */
export type PfsVersionSource = "rvuFile" | "fileName" | "caller" | "unknown";
/**
 * A date or a date range, as DTP and STC carry them (`D8` `CCYYMMDD`, `RD8`
 * `CCYYMMDD-CCYYMMDD`).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DateOrRange".
 */
export type DateOrRange =
  | {
      /**
       * The day.
       */
      date: string;
      kind: "date";
    }
  | {
      /**
       * Last day.
       */
      end: string;
      kind: "range";
      /**
       * First day.
       */
      start: string;
    };
/**
 * How a provider is identified (NM108/NM109).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderId".
 */
export type ProviderId =
  | {
      kind: "npi";
      /**
       * The NPI.
       */
      npi: Npi;
    }
  | {
      /**
       * NM109.
       */
      id: string;
      kind: "other";
      /**
       * NM108.
       */
      qualifier: string;
    };
/**
 * Professional (837P, X222) or institutional (837I, X223).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimKind".
 */
export type ClaimKind = "professional" | "institutional";
/**
 * The kinds of code medbill validates.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodeKind".
 */
export type CodeKind =
  | "npi"
  | "icd10cm"
  | "pcs"
  | "procedure"
  | "modifier"
  | "pos"
  | "ndc"
  | "taxonomy"
  | "revenue"
  | "carc"
  | "rarc"
  | "group"
  | "frequency";
/**
 * The price of a carve-out.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CarveOutPrice".
 */
export type CarveOutPrice =
  | {
      perUnit: Money;
    }
  | {
      percentOfCharge: Rate;
    };
/**
 * How a schedule prices a line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "FeeSchedule".
 */
export type FeeSchedule =
  | {
      /**
       * The fees.
       */
      fees: FlatFee[];
      kind: "flat";
    }
  | {
      /**
       * Conversion factor; when absent, the one printed in the RVU file.
       */
      conversionFactor?: string;
      /**
       * Places of service paid at the facility rate (data, e.g. 21, 22, 23, 24 …); every
       * other place of service is paid at the non-facility rate.
       */
      facilityPlacesOfService: PlaceOfService[];
      kind: "medicarePfs";
      /**
       * The locality; when absent, found from the service facility's ZIP, then the billing
       * provider's, through the ZIP-to-locality file.
       */
      locality?: LocalityId | null;
    }
  | {
      /**
       * The base schedule.
       */
      base: FeeSchedule;
      kind: "percentOfSchedule";
      /**
       * The percentage.
       */
      rate: Rate;
    }
  | {
      kind: "percentOfCharges";
      /**
       * The percentage.
       */
      rate: Rate;
    }
  | {
      /**
       * Base units per anesthesia code.
       */
      baseUnits: AnesthesiaBaseUnits[];
      /**
       * The conversion factor; when absent, the locality's from the anesthesia CF file.
       */
      conversionFactor?: Money | null;
      kind: "anesthesia";
      /**
       * The locality, for the locality-adjusted conversion factor.
       */
      locality?: LocalityId | null;
    };
/**
 * How a secondary plan computes its payment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CobMethod".
 */
export type CobMethod =
  | {
      method: "standard";
    }
  | {
      method: "nonDuplication";
    }
  | {
      method: "carveOut";
    }
  | {
      /**
       * The share the plan covers (e.g. `"80%"`).
       */
      coverage: Rate;
      method: "maintenanceOfBenefits";
    }
  | {
      method: "medicareSecondary";
      /**
       * The provider is obligated to accept the prior payer's allowed amount in full.
       */
      obligatedToAccept?: boolean;
    };
/**
 * What to do with a credit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CreditAction".
 */
export type CreditAction =
  | {
      refund: RefundRequest;
    }
  | {
      hold: CreditHold;
    };
/**
 * Why a credit is not refunded now.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CreditHold".
 */
export type CreditHold = "owedOnOtherVisits" | "insurancePending";
/**
 * Whether arguing with the payer makes sense.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Appeal".
 */
export type Appeal = "worth" | "correct" | "no";
/**
 * Where an appeal deadline comes from.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DeadlineRule".
 */
export type DeadlineRule = "medicareRedetermination" | "payerRules";
/**
 * What kind of problem an adjustment reason names, for work queues and the denial Pareto.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DenialCategory".
 */
export type DenialCategory =
  | "eligibility"
  | "authorization"
  | "coding"
  | "bundling"
  | "medicalNecessity"
  | "timelyFiling"
  | "duplicate"
  | "coordinationOfBenefits"
  | "patientResponsibility"
  | "contractual"
  | "other";
/**
 * What the biller does next.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "NextAction".
 */
export type NextAction =
  | "checkEligibility"
  | "getAuthorization"
  | "correctAndResubmit"
  | "appealWithRecords"
  | "billOtherPayer"
  | "sendInformation"
  | "billPatient"
  | "writeOff"
  | "checkOriginal"
  | "review";
/**
 * Where a payer stands in a claim's payment order.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerRank".
 */
export type PayerRank = "primary" | "secondary" | "tertiary";
/**
 * What the 271 says about the patient's coverage on the date of service.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CoverageStatus".
 */
export type CoverageStatus = "active" | "inactive" | "rejected" | "mismatch" | "unknown";
/**
 * X12 code, e.g. Y N W U (others kept as sent)
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "YesNo".
 */
export type YesNo = string;
/**
 * X12 code, e.g. IND FAM EMP ESP ECH CHD SPC SPO DEP E1D (others kept as sent)
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CoverageLevel".
 */
export type CoverageLevel = string;
/**
 * X12 code, e.g. 1 2 3 4 5 6 7 8 A B C CB D E F G H I J K L M MC N O P Q R S T U V W X Y (others kept as sent)
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "BenefitKind".
 */
export type BenefitKind = string;
/**
 * X12 code, e.g. C N P R S W X Y (others kept as sent)
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "FollowUpAction".
 */
export type FollowUpAction = string;
/**
 * X12 code, e.g. 6 7 13 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 (others kept as sent)
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TimePeriod".
 */
export type TimePeriod = string;
/**
 * Test or production data (ISA15).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Usage".
 */
export type Usage = "production" | "test";
/**
 * The event a status entry records.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusEvent".
 */
export type StatusEvent =
  | {
      submitted: ClaimFrequency;
    }
  | "accepted"
  | "rejected"
  | "pending"
  | "finalized"
  | "informationRequested"
  | "notFound";
/**
 * An aging bucket: days 0–30, 31–60, 61–90, 91–120, over 120.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AgingBucket".
 */
export type AgingBucket = "days0To30" | "days31To60" | "days61To90" | "days91To120" | "over120";
/**
 * CLP02 claim status code.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimStatus".
 */
export type ClaimStatus = "1" | "2" | "3" | "4" | "19" | "20" | "21" | "22" | "23" | "25";
/**
 * A code as typed when it parses, else as sent (with a finding saying so).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodedCarc".
 */
export type CodedCarc = Carc | string;
/**
 * A code as typed when it parses, else as sent (with a finding saying so).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodedClaimStatus".
 */
export type CodedClaimStatus = ClaimStatus | string;
/**
 * A code as typed when it parses, else as sent (with a finding saying so).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodedGroupCode".
 */
export type CodedGroupCode = GroupCode | string;
/**
 * A code as typed when it parses, else as sent (with a finding saying so).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodedRarc".
 */
export type CodedRarc = Rarc | string;
/**
 * What posting does with an adjustment's amount.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Disposition".
 */
export type Disposition = "writeOff" | "stays";
/**
 * An entry's number: entries are numbered 1, 2, 3, … in the order they were appended.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EntryId".
 */
export type EntryId = number;
/**
 * What an entry records.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EntryKind".
 */
export type EntryKind =
  | {
      charge: Charge;
    }
  | "payerPayment"
  | {
      adjustment: LedgerAdjustment;
    }
  | {
      transfer: Transfer;
    }
  | "patientPayment"
  | "refund"
  | {
      writeOff: WriteOff;
    }
  | {
      reversal: Reversal;
    }
  | {
      providerAdjustment: LedgerProviderAdjustment;
    }
  | {
      remittance: RemittanceRecord;
    }
  | {
      deposit: Deposit;
    }
  | {
      suspense: SuspenseItem;
    }
  | {
      status: StatusNote;
    };
/**
 * Why a balance moved.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TransferReason".
 */
export type TransferReason =
  | {
      patientResponsibility: PatientShare;
    }
  | "user";
/**
 * Why money went to suspense.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SuspenseReason".
 */
export type SuspenseReason =
  | "claimNotFound"
  | {
      lineNotMatched: number;
    }
  | {
      notPostable: string[];
    }
  | "reversalNotFound"
  | "reversalMismatch"
  | "unknownStatus"
  | "transactionImbalance";
/**
 * Where an entry came from.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Source".
 */
export type Source =
  | {
      remittance: RemitSource;
    }
  | "billed"
  | {
      check: string;
    }
  | {
      user: string | null;
    }
  | {
      message: string;
    };
/**
 * What a payer requires with a code.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Requirement".
 */
export type Requirement =
  | {
      kind: "modifier";
      /**
       * Any one of them will do.
       */
      modifiers: Modifier[];
    }
  | {
      kind: "ndc";
    }
  | {
      kind: "priorAuthorization";
    };
/**
 * Where a payment goes.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AllocationTarget".
 */
export type AllocationTarget =
  | "oldestFirst"
  | {
      visit: string;
    };
/**
 * How often an installment is due.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlanFrequency".
 */
export type PlanFrequency = "weekly" | "everyTwoWeeks" | "monthly";
/**
 * How the balance is split.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlanTerms".
 */
export type PlanTerms =
  | {
      installments: number;
    }
  | {
      amount: Money;
    };
/**
 * Where an installment stands.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "InstallmentState".
 */
export type InstallmentState = "upcoming" | "due" | "paid" | "late" | "missed";
/**
 * What became of one 835 claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimOutcome".
 */
export type ClaimOutcome =
  | "paid"
  | "denied"
  | "reversed"
  | "sentOn"
  | "awaitingNextPayer"
  | "nextPayerDue"
  | "noPayment"
  | {
      suspense: SuspenseReason;
    }
  | "alreadyPosted";
/**
 * How a remittance compares with its deposits.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DepositStatus".
 */
export type DepositStatus = "matched" | "notDeposited" | "amountDiffers" | "noRemittance";
/**
 * One claim of a batch priced by [`price_many`]: priced, or refused with the error `price`
 * gives for it alone. JSON: `{"priced": {…}}` or `{"refused": {"code", "message"}}`.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PriceOutcome".
 */
export type PriceOutcome =
  | {
      priced: PricedClaim;
    }
  | {
      refused: Refusal;
    };
/**
 * What is drawn.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PrintMode".
 */
export type PrintMode = "full" | "dataOnly";
/**
 * What a prior payer decided on a claim, from either source a biller has: its 835 claim,
 * or the coordination of benefits computed here.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PriorAdjudication".
 */
export type PriorAdjudication =
  | {
      remittance: RemitClaim;
    }
  | {
      coordination: Coordination;
    };
/**
 * What the prior payer's remittance of a claim says, as a caller has it: the 835 claim as
 * read (`readX12`, [`crate::x12::read_835`]) or its lines and adjustments alone
 * ([`RemittedClaim`]). Told apart by the 835 claim's `patientControlNumber`.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PriorRemittance".
 */
export type PriorRemittance = RemitClaim | RemittedClaim;
/**
 * One step of a streamed 835 (as JSON, one line of `medbill x12 json`:
 * `{"begin": …}`, `{"group": …}`, `{"claim": {"index", "claim", "findings"}}`,
 * `{"end": …}`).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitEvent".
 */
export type RemitEvent =
  | {
      begin: RemitHeader;
    }
  | {
      group: ClaimGroup;
    }
  | {
      claim: {
        /**
         * The claim (boxed: events move through a queue, a pointer moves cheaply).
         */
        claim: RemitClaim;
        /**
         * Findings about this claim.
         */
        findings: Finding[];
        /**
         * 0-based position of the claim in its transaction set.
         */
        index: number;
      };
    }
  | {
      end: RemitTrailer;
    };
/**
 * A stage of the dunning cycle.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DunningStage".
 */
export type DunningStage = "statement1" | "statement2" | "statement3" | "finalNotice" | "pastFinalNotice";
/**
 * Where a payer's answer stands.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerStatus".
 */
export type PayerStatus = "awaiting" | "paid" | "processed" | "denied" | "reversed";
/**
 * Why part of a visit is the patient's.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ShareReason".
 */
export type ShareReason =
  | {
      patientResponsibility: {
        /**
         * Whether the reason is a denial (not cost sharing).
         */
        denial: boolean;
        /**
         * The CARC.
         */
        reason: CodedCarc;
      };
    }
  | "movedByPractice"
  | "charged"
  | "other";
/**
 * An explanation for its audience.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "VisitExplanation".
 */
export type VisitExplanation =
  | {
      patient: PatientExplanation;
    }
  | {
      payer: PayerExplanation;
    };

/**
 * Amounts met in one tier.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TierAccumulators".
 */
export interface TierAccumulators {
  /**
   * Deductible met by the family (the patient included).
   */
  familyDeductible?: Money;
  /**
   * Out-of-pocket spending by the family (the patient included).
   */
  familyOutOfPocket?: Money;
  /**
   * Deductible met by the patient.
   */
  individualDeductible?: Money;
  /**
   * Out-of-pocket spending by the patient.
   */
  individualOutOfPocket?: Money;
}
/**
 * Services used in a category.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "VisitCount".
 */
export interface VisitCount {
  /**
   * The category.
   */
  category: ServiceCategory;
  /**
   * Services used.
   */
  count: number;
}
/**
 * What the patient (and family) has met so far this plan year, per network tier.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Accumulators".
 */
export interface Accumulators {
  /**
   * In-network accumulators.
   */
  inNetwork?: TierAccumulators;
  /**
   * Out-of-network accumulators.
   */
  outOfNetwork?: TierAccumulators;
  /**
   * Services used this plan year, by category (for visit limits).
   */
  visits?: VisitCount[];
}
/**
 * An IK4: one bad element of a bad segment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ElementError".
 */
export interface ElementError {
  /**
   * IK403 error code (`1` required element missing, `4` too short, `5` too long, `7`
   * invalid code value, `8` invalid date…).
   */
  code?: string | null;
  /**
   * IK401-2 component position in a composite.
   */
  component?: number | null;
  /**
   * IK402 data element reference number.
   */
  dataElement?: string | null;
  /**
   * IK401-1 element position in the segment.
   */
  position?: number | null;
  /**
   * IK401-3 repetition.
   */
  repetition?: number | null;
}
/**
 * A CTX segment: where in the business data the error is (e.g. which claim).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ErrorContext".
 */
export interface ErrorContext {
  /**
   * CTX01-1 context name (`CLM01`, `SITUATIONAL TRIGGER`).
   */
  name: string;
  /**
   * CTX01-2 reference (e.g. the claim's patient control number), when sent.
   */
  reference?: string | null;
  /**
   * CTX02 segment id of the trigger, when sent.
   */
  segmentId?: string | null;
  /**
   * CTX03 its position in the transaction set.
   */
  segmentPosition?: number | null;
}
/**
 * One problem found in a document. The message never contains patient data.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * How to fix it, where one fix exists (e.g. "add modifier 59 or XU if the services
   * were distinct"). Never patient data either.
   */
  fix?: string | null;
  /**
   * What is wrong, in words.
   */
  message: string;
  /**
   * JSON pointer to the field, e.g. `/form/lines/2/diagnosisPointers/0`.
   */
  path: string;
  /**
   * Stable rule id, e.g. `CLM-TOTAL-CHARGE`.
   */
  rule: string;
  /**
   * How serious it is.
   */
  severity: Severity;
}
/**
 * An AK1 … AK9 functional group response.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "GroupAcknowledgment".
 */
export interface GroupAcknowledgment {
  /**
   * AK102 the group's GS06.
   */
  controlNumber: string;
  /**
   * AK905–AK909 functional group syntax error codes.
   */
  errors: string[];
  /**
   * AK101 functional identifier (`HC`, `HS`…).
   */
  functionalId: string;
  /**
   * AK904 transaction sets accepted.
   */
  setsAccepted?: number | null;
  /**
   * AK902 transaction sets included.
   */
  setsIncluded?: number | null;
  /**
   * AK903 transaction sets received.
   */
  setsReceived?: number | null;
  /**
   * AK901.
   */
  status?: AckCode | null;
  /**
   * AK2 loops.
   */
  transactions: TransactionAcknowledgment[];
  /**
   * AK103 the group's GS08, when sent.
   */
  version?: string | null;
}
/**
 * An AK2 loop: one acknowledged transaction set.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TransactionAcknowledgment".
 */
export interface TransactionAcknowledgment {
  /**
   * AK202 its ST02.
   */
  controlNumber: string;
  /**
   * IK502–IK506 transaction set syntax error codes (`5` one or more segments in error…).
   */
  errors: string[];
  /**
   * IK3 loops.
   */
  segmentErrors: SegmentError[];
  /**
   * AK201 transaction set id (`837`, `270`…).
   */
  setId: string;
  /**
   * IK501.
   */
  status?: AckCode | null;
  /**
   * AK203 its implementation guide, when sent.
   */
  version?: string | null;
}
/**
 * An IK3: one bad segment of a transaction set.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SegmentError".
 */
export interface SegmentError {
  /**
   * IK304 error code (`1` unrecognized segment, `2` unexpected, `3` required segment
   * missing, `4` loop occurs over maximum, `5` segment exceeds maximum use, `8` segment
   * has data element errors, `I9` implementation dependent segment missing…).
   */
  code?: string | null;
  /**
   * CTX segments.
   */
  context: ErrorContext[];
  /**
   * IK4 segments.
   */
  elementErrors: ElementError[];
  /**
   * IK303 loop id (`2300`…), when sent.
   */
  loopId?: string | null;
  /**
   * IK302 position in the transaction set (ST is 1).
   */
  position?: number | null;
  /**
   * IK301 segment id.
   */
  segmentId: string;
}
/**
 * One 999 transaction set.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Acknowledgment".
 */
export interface Acknowledgment {
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Reading findings (positions, never data) and the file's envelope findings.
   */
  findings: Finding[];
  /**
   * AK1 loops (one per 999 in practice).
   */
  groups: GroupAcknowledgment[];
  /**
   * ST03, else GS08.
   */
  version: string;
}
/**
 * How `adjudicate` treats its input.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AdjudicateOptions".
 */
export interface AdjudicateOptions {
  /**
   * Adjudicate input the checks refuse (negative amounts, lines that were not priced,
   * sums that do not add up, a plan that contradicts itself, …) as it is. The result may
   * then hold negative amounts; for callers that know why their input is so.
   */
  unchecked?: boolean;
}
/**
 * One adjudicated line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AdjudicatedLine".
 */
export interface AdjudicatedLine {
  /**
   * The adjustments: charge = plan paid + the sum of these.
   */
  adjustments: Adjustment[];
  /**
   * Allowed amount.
   */
  allowed: Money;
  /**
   * The benefit category the line fell in.
   */
  category: ServiceCategory;
  /**
   * Billed charge.
   */
  charge: Money;
  /**
   * Coinsurance (PR-2).
   */
  coinsurance: Money;
  /**
   * Copay (PR-3).
   */
  copay: Money;
  /**
   * Deductible applied (PR-1).
   */
  deductible: Money;
  /**
   * Why, in plain language (each item serializes as a sentence).
   */
  explanation: Explanation[];
  /**
   * 0-based line index.
   */
  line: number;
  /**
   * Not covered and owed by the patient (PR-204, PR-119).
   */
  nonCovered: Money;
  /**
   * What the patient owes.
   */
  patientResponsibility: Money;
  /**
   * What the plan pays.
   */
  planPaid: Money;
  /**
   * What the plan pays after cost sharing, before sequestration (RULES.md §1: Medicare's
   * 2% applies after the deductible and coinsurance); equal to `planPaid` when the plan
   * has no sequestration.
   */
  planPaidBeforeSequestration: Money;
  /**
   * Procedure code.
   */
  procedure?: ProcedureCode | null;
  /**
   * The sequestration reduction of the plan's payment (CO-253), never billed to the patient.
   */
  sequestration: Money;
}
/**
 * One claim adjustment: group, reason and amount, as in an 835 CAS segment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Adjustment".
 */
export interface Adjustment {
  /**
   * How much.
   */
  amount: Money;
  /**
   * Who bears it (CO, PR, OA, PI).
   */
  group: GroupCode;
  /**
   * Why (CARC).
   */
  reason: Carc;
}
/**
 * The result of adjudicating a claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Adjudication".
 */
export interface Adjudication {
  /**
   * The accumulators after this claim.
   */
  accumulators: Accumulators;
  /**
   * What the adjudication could not apply as the plan seems to intend (warnings): a
   * service rule no code can reach, a line no category rule takes.
   */
  findings?: Finding[];
  /**
   * The lines.
   */
  lines: AdjudicatedLine[];
  /**
   * The network tier used.
   */
  network: Network;
  /**
   * The claim's patient control number.
   */
  patientControlNumber: string;
  /**
   * Total the patient owes.
   */
  patientResponsibility: Money;
  /**
   * Total the plan pays.
   */
  planPaid: Money;
  /**
   * Total the plan pays after cost sharing, before sequestration.
   */
  planPaidBeforeSequestration: Money;
  /**
   * Total sequestration reduction (CO-253).
   */
  sequestration: Money;
  /**
   * Total allowed.
   */
  totalAllowed: Money;
  /**
   * Total billed.
   */
  totalCharge: Money;
}
/**
 * One party's receivables by age.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AgingRow".
 */
export interface AgingRow {
  /**
   * 0–30, 31–60, 61–90, 91–120 and over 120 days.
   *
   * @minItems 5
   * @maxItems 5
   */
  buckets: [Money, Money, Money, Money, Money];
  /**
   * Who owes (absent on the total row).
   */
  party?: LedgerParty | null;
  /**
   * Their sum.
   */
  total: Money;
}
/**
 * The claims' balances by responsible party and age as of `as_of` (posting dates on or
 * before it), each claim aged from its date of service, first bill or last payment. Credit
 * balances count as negative amounts; unapplied patient money (patient accounts) is not
 * aged.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AgingReport".
 */
export interface AgingReport {
  /**
   * The day ages are counted to.
   */
  asOf: string;
  /**
   * What ages are counted from.
   */
  basis: AgingBasis;
  /**
   * By responsible party.
   */
  rows: AgingRow[];
  /**
   * Every party together.
   */
  total: AgingRow;
}
/**
 * An appeal letter, laid out: each block is a list of lines or paragraphs.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AppealLetter".
 */
export interface AppealLetter {
  /**
   * The biller's argument.
   */
  argument: string[];
  /**
   * The closing and signature.
   */
  closing: string[];
  /**
   * The letter's date, written out.
   */
  date: string;
  /**
   * The deadline sentence, when the deadline is known.
   */
  deadline?: string | null;
  /**
   * Enclosures.
   */
  enclosures: string[];
  /**
   * The claim's facts, as label and value.
   */
  facts: [string, string][];
  /**
   * The practice's name, address and NPI.
   */
  from: string[];
  /**
   * The opening paragraph.
   */
  opening: string;
  /**
   * One line per denied adjustment, explained.
   */
  reasons: string[];
  /**
   * The subject line.
   */
  subject: string;
  /**
   * The payer's name and address.
   */
  to: string[];
}
/**
 * The letter and its two renderings, for hosts that show or save them.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AppealDocuments".
 */
export interface AppealDocuments {
  /**
   * As one self-contained HTML page.
   */
  html: string;
  /**
   * The letter, laid out.
   */
  letter: AppealLetter;
  /**
   * As plain text.
   */
  text: string;
}
/**
 * What the biller adds to the facts.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AppealRequest".
 */
export interface AppealRequest {
  /**
   * Why the payer should pay, paragraph by paragraph (required).
   */
  argument: string[];
  /**
   * The letter's date.
   */
  date: string;
  /**
   * What is enclosed (records, the remittance, an authorization…).
   */
  enclosures?: string[];
  /**
   * Who signs, and how to reach them.
   */
  signature?: string[];
}
/**
 * The head of a chain: how many entries it covers and the last one's hash.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AuditChain".
 */
export interface AuditChain {
  /**
   * The last entry's hash (zeros for an empty chain).
   */
  head: ChainHash;
  /**
   * Entries chained.
   */
  length: number;
}
/**
 * A claim's service line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LineAccount".
 */
export interface LineAccount {
  /**
   * The claim's patient control number (CLM01).
   */
  claim: string;
  /**
   * 0-based index of the line in the claim.
   */
  line: number;
  /**
   * The patient account id.
   */
  patient: string;
}
/**
 * A claim as a whole.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimAccount".
 */
export interface ClaimAccount {
  /**
   * The claim's patient control number (CLM01).
   */
  claim: string;
  /**
   * The patient account id.
   */
  patient: string;
}
/**
 * A patient account.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientAccount".
 */
export interface PatientAccount {
  /**
   * The patient account id.
   */
  patient: string;
}
/**
 * A payer's money account.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerAccount".
 */
export interface PayerAccount {
  /**
   * The payer's key: the 835's TRN03, else its N1*PR id, else its name.
   */
  payer: string;
}
/**
 * A provider-level clearing account.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClearingAccount".
 */
export interface ClearingAccount {
  /**
   * PLB01, the provider identifier.
   */
  provider: string;
  /**
   * PLB03-1, the adjustment reason (WO, FB, 72, L6, …).
   */
  reason: string;
}
/**
 * The balance of a non-receivable account.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AccountBalance".
 */
export interface AccountBalance {
  /**
   * The account.
   */
  account: Account;
  /**
   * Its balance.
   */
  balance: Money;
}
/**
 * The cut-off of a report: every entry dated on or before `date` (by `basis`); every entry
 * when `date` is absent.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AsOf".
 */
export interface AsOf {
  /**
   * Which date of the entries is compared.
   */
  basis?: DateBasis & string;
  /**
   * The last day included.
   */
  date?: string | null;
}
/**
 * A balance and what it is made of: `charges − payments − adjustments + transfers + other
 * = balance`, always.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Balance".
 */
export interface Balance {
  /**
   * Adjustments and write-offs.
   */
  adjustments: Money;
  /**
   * The balance.
   */
  balance: Money;
  /**
   * Charges.
   */
  charges: Money;
  /**
   * Remittances, deposits, PLBs and suspense (outside the receivables).
   */
  other: Money;
  /**
   * Payments by payers and patients, less refunds.
   */
  payments: Money;
  /**
   * Transfers in less transfers out (zero over a whole claim).
   */
  transfers: Money;
}
/**
 * A claim's balance.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimBalance".
 */
export interface ClaimBalance {
  /**
   * The whole claim: its lines and its claim account.
   */
  balance: Balance;
  /**
   * The patient control number.
   */
  claim: string;
  /**
   * The claim account (claim-level adjudication).
   */
  claimLevel: Balance;
  /**
   * Each line.
   */
  lines: LineBalance[];
  /**
   * By responsible party.
   */
  parties: PartyBalance[];
  /**
   * The patient account.
   */
  patient: string;
}
/**
 * A claim line's balance.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LineBalance".
 */
export interface LineBalance {
  /**
   * The line's balance.
   */
  balance: Balance;
  /**
   * 0-based line.
   */
  line: number;
  /**
   * By responsible party (a party whose figures all net to zero is left out).
   */
  parties: PartyBalance[];
}
/**
 * A party's balance.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PartyBalance".
 */
export interface PartyBalance {
  /**
   * What they owe, and how.
   */
  balance: Balance;
  /**
   * Who.
   */
  party: LedgerParty;
}
/**
 * A patient account's balance.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientBalance".
 */
export interface PatientBalance {
  /**
   * Its claims and the patient account together.
   */
  balance: Balance;
  /**
   * By responsible party, over its claims and the patient account.
   */
  parties: PartyBalance[];
  /**
   * The patient account.
   */
  patient: string;
  /**
   * The patient account alone: payments not applied to a claim, refunds (a credit is
   * negative).
   */
  unapplied: Balance;
}
/**
 * The books' balances as of a date.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Balances".
 */
export interface Balances {
  /**
   * The cut-off.
   */
  asOf: AsOf;
  /**
   * By claim, in patient control number order.
   */
  claims: ClaimBalance[];
  /**
   * Each provider clearing account (PLB reasons).
   */
  clearing: AccountBalance[];
  /**
   * By responsible party, over the receivables.
   */
  parties: PartyBalance[];
  /**
   * By patient account.
   */
  patients: PatientBalance[];
  /**
   * Each payer's money: remitted less deposited.
   */
  payers: AccountBalance[];
  /**
   * Every receivable account (claims and patient accounts) together.
   */
  receivables: Balance;
  /**
   * Money held in suspense (negative: held for someone).
   */
  suspense: Money;
}
/**
 * Gives lines with a procedure in `from..=through` (and, when listed, one of the places of
 * service) a category.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CategoryRule".
 */
export interface CategoryRule {
  /**
   * The category given.
   */
  category: ServiceCategory;
  /**
   * First procedure code of the range.
   */
  from: ProcedureCode;
  /**
   * Places of service the rule is limited to (empty: any).
   */
  placesOfService?: PlaceOfService[];
  /**
   * Last procedure code of the range.
   */
  through: ProcedureCode;
}
/**
 * Individual and family amounts.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Limits".
 */
export interface Limits {
  /**
   * For the family, when the coverage is a family coverage.
   */
  family?: Money | null;
  /**
   * For one person.
   */
  individual: Money;
}
/**
 * An inclusive range of procedure codes.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProcedureRange".
 */
export interface ProcedureRange {
  /**
   * First code.
   */
  from: ProcedureCode;
  /**
   * Last code.
   */
  through: ProcedureCode;
}
/**
 * Cost sharing for one service category.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ServiceBenefit".
 */
export interface ServiceBenefit {
  /**
   * The category.
   */
  category: ServiceCategory;
  /**
   * Coinsurance, when it differs from the tier's.
   */
  coinsurance?: Rate | null;
  /**
   * A fixed copay per service.
   */
  copay?: Money | null;
  /**
   * The copay is taken after the deductible (some plans), not before it (most plans).
   */
  copayAfterDeductible?: boolean;
  /**
   * Whether the patient's share counts toward the out-of-pocket maximum.
   */
  countsTowardOutOfPocket?: boolean;
  /**
   * Whether the plan covers it.
   */
  covered?: boolean;
  /**
   * Whether the deductible applies.
   */
  deductibleApplies?: boolean;
  /**
   * Most services of this category the plan pays for in a plan year.
   */
  visitLimit?: number | null;
}
/**
 * Benefits of one network tier.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TierBenefits".
 */
export interface TierBenefits {
  /**
   * Coinsurance after the deductible, unless a service says otherwise.
   */
  coinsurance: Rate;
  /**
   * Deductible.
   */
  deductible: Limits;
  /**
   * Out-of-pocket maximum; none when the plan has none (Medicare Part B).
   */
  outOfPocketMax?: Limits | null;
  /**
   * Cost sharing by service category.
   */
  services?: ServiceBenefit[];
}
/**
 * A health plan's benefits for one plan year.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "BenefitPlan".
 */
export interface BenefitPlan {
  /**
   * Rules that give a line its service category; the first match wins, else `other`.
   */
  categories?: CategoryRule[];
  /**
   * How family deductibles and out-of-pocket maximums accumulate.
   */
  familyAccumulation?: FamilyAccumulation & string;
  /**
   * In-network benefits.
   */
  inNetwork: TierBenefits;
  /**
   * Plan name.
   */
  name: string;
  /**
   * Services the plan never covers.
   */
  nonCovered?: ProcedureRange[];
  /**
   * Out-of-network benefits; none when out-of-network care is not covered.
   */
  outOfNetwork?: TierBenefits | null;
  /**
   * Last day of the plan year.
   */
  planYearEnd: string;
  /**
   * First day of the plan year.
   */
  planYearStart: string;
  /**
   * A reduction of the plan's payment after cost sharing (Medicare's 2% sequestration),
   * never billed to the patient.
   */
  sequestration?: Rate | null;
}
/**
 * A postal address.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Address".
 */
export interface Address {
  /**
   * City.
   */
  city: string;
  /**
   * Street lines (one or two).
   */
  lines: string[];
  /**
   * ZIP code (5 or 9 digits).
   */
  postalCode: string;
  /**
   * Two-letter state code.
   */
  state: string;
}
/**
 * An admission (DTP*435, CL101, CL102).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Admission".
 */
export interface Admission {
  /**
   * Admission date (DTP*435, FL 12); an outpatient bill may send the type and source of
   * its visit without one.
   */
  date?: string | null;
  /**
   * Admission hour, 0–23 (FL 13), with the date.
   */
  hour?: number | null;
  /**
   * Point of origin (source) of admission or visit (CL102, FL 15).
   */
  sourceCode?: string | null;
  /**
   * Priority (type) of admission or visit (CL101, FL 14).
   */
  typeCode: string;
}
/**
 * An ambulance transport: why and how far (CR1), the certification of the patient's
 * condition (CRC*07), where the patient was picked up and dropped off.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Ambulance".
 */
export interface Ambulance {
  /**
   * Certifications of the patient's condition (CRC*07), at most three.
   */
  certifications?: AmbulanceCertification[];
  /**
   * Where the patient was taken (2310F or 2420H).
   */
  dropOff?: DropOffLocation | null;
  /**
   * How many patients were transported in the same vehicle (QTY*PT), on a line only.
   */
  patientCount?: number | null;
  /**
   * Where the patient was picked up (2310E or 2420G).
   */
  pickUp?: Address | null;
  /**
   * The transport (CR1).
   */
  transport?: AmbulanceTransport | null;
}
/**
 * A certification of the patient's condition for an ambulance transport (CRC*07).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AmbulanceCertification".
 */
export interface AmbulanceCertification {
  /**
   * Whether the conditions apply (CRC02 Y) or not (N).
   */
  applies: boolean;
  /**
   * One to five conditions (CRC03–CRC07).
   */
  conditions: AmbulanceCondition[];
}
/**
 * Where an ambulance took the patient (2310F or 2420H).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DropOffLocation".
 */
export interface DropOffLocation {
  /**
   * Its address (N3/N4).
   */
  address: Address;
  /**
   * The name of the place, e.g. a hospital (NM103), when it has one.
   */
  name?: string | null;
}
/**
 * Why and how far the patient was taken (CR1).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AmbulanceTransport".
 */
export interface AmbulanceTransport {
  /**
   * The distance, in miles (CR106 with CR105 = DH).
   */
  miles: string;
  /**
   * The patient's weight in pounds (CR102 with CR101 = LB), when medically necessary for
   * the transport.
   */
  patientWeightPounds?: string;
  /**
   * Why the patient was taken to this destination (CR104).
   */
  reason: TransportReason;
  /**
   * Why a round trip was needed (CR109).
   */
  roundTripPurpose?: string | null;
  /**
   * Why a stretcher was needed (CR110).
   */
  stretcherPurpose?: string | null;
}
/**
 * A paper or electronic attachment sent for the claim or a line (PWK).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Attachment".
 */
export interface Attachment {
  /**
   * The number that ties the attachment to the claim (PWK06, with PWK05 = AC): required
   * unless the attachment is available on request.
   */
  controlNumber?: string | null;
  /**
   * What the attachment is (PWK01), a two-character code such as `OZ` (support data for
   * claim), `B4` (referral form) or `EB` (explanation of benefits).
   */
  reportType: string;
  /**
   * How it reaches the payer (PWK02).
   */
  transmission: AttachmentTransmission;
}
/**
 * A claim for payment, professional or institutional.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Claim".
 */
export interface Claim {
  /**
   * Attachments sent for the claim (PWK), at most ten.
   */
  attachments?: Attachment[];
  /**
   * Who bills (2010AA, box 33; UB-04 FL 1).
   */
  billingProvider: Provider;
  /**
   * Claim-level dates (onset, last seen, hospitalization, …).
   */
  dates?: ClaimDates;
  /**
   * Why the claim is sent after the payer's filing limit (CLM20).
   */
  delayReason?: DelayReason | null;
  /**
   * Diagnoses, principal first (HI; box 21): up to 12 professional, 25 institutional.
   */
  diagnoses: Icd10Cm[];
  /**
   * What differs between professional and institutional claims, lines included.
   */
  form: ClaimForm;
  /**
   * Original, replacement or void (CLM05-3).
   */
  frequency: ClaimFrequency;
  /**
   * Assignment, benefits and release indicators (CLM06–CLM09).
   */
  indicators?: ClaimIndicators;
  /**
   * The provider's medical record number for the patient (REF*EA; UB-04 FL 3b).
   */
  medicalRecordNumber?: string | null;
  /**
   * Notes (NTE; CMS-1500 box 19): one on a professional claim, up to ten on an
   * institutional claim.
   */
  notes?: ClaimNote[];
  /**
   * The payer's claim control number of the claim replaced or voided (REF*F8).
   */
  originalClaimNumber?: string | null;
  /**
   * Other payers (837 loops 2320/2330/2430): for a secondary claim, the primary's
   * adjudication.
   */
  otherPayers?: OtherPayer[];
  /**
   * The patient, when not the subscriber (2010CA).
   */
  patient?: Patient | null;
  /**
   * The provider's own claim id: CLM01, CMS-1500 box 26 (1–38 characters).
   */
  patientControlNumber: string;
  /**
   * The health plan a subrogation demand is paid to (2010AC).
   */
  payToPlan?: PayToPlan | null;
  /**
   * Where payment goes when not to the billing provider's address (2010AB; UB-04 FL 2).
   */
  payToProvider?: PayToProvider | null;
  /**
   * The payer billed (2010BB).
   */
  payer: Payer;
  /**
   * Prior authorization number (REF*G1, box 23; UB-04 FL 63).
   */
  priorAuthorization?: string | null;
  /**
   * Referral number (REF*9F, box 23; UB-04 FL 63).
   */
  referralNumber?: string | null;
  /**
   * Referring provider (2310A, box 17).
   */
  referringProvider?: Provider | null;
  /**
   * What the services relate to — an auto accident, employment, another accident — with
   * the accident's date (837P CLM11 and DTP*439; CMS-1500 boxes 10a–c). Professional
   * claims only: the 837I reports accidents as occurrence codes.
   */
  relatedCauses?: RelatedCauses | null;
  /**
   * Who performed the service when not the billing provider (2310B, box 24J).
   */
  renderingProvider?: Provider | null;
  /**
   * Where the service was performed, when not the billing address (2310C, box 32).
   */
  serviceFacility?: ServiceFacility | null;
  /**
   * The insured (2010BA).
   */
  subscriber: Subscriber;
  /**
   * Total charge: CLM02, box 28. Must equal the sum of the lines.
   */
  totalCharge: Money;
}
/**
 * A provider: person or organization, with NPI.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Provider".
 */
export interface Provider {
  /**
   * Address: required for the billing provider, allowed for a line's ordering provider
   * (2420E), sent for no one else.
   */
  address?: Address | null;
  /**
   * Contacts at the billing provider (2010AA PER), at most two; no one else has them.
   */
  contacts?: ProviderContact[];
  /**
   * Name: a person or an organization.
   */
  name: PartyName;
  /**
   * National Provider Identifier.
   */
  npi: Npi;
  /**
   * Other identifiers (REF*0B, 1G, G2, LU): which kinds and how many depend on the loop.
   * The billing provider's license and UPIN (2010AA) come before its payer-assigned
   * numbers (G2, LU: 2010BB).
   */
  secondaryIds?: ProviderSecondaryId[];
  /**
   * Tax id (EIN or SSN) of a billing provider (REF*EI / REF*SY, box 25).
   */
  taxId?: TaxId | null;
  /**
   * Provider taxonomy (PRV03).
   */
  taxonomy?: Taxonomy | null;
}
/**
 * Someone to contact about the claim at the billing provider (2010AA PER*IC; the
 * telephone of CMS-1500 box 33 and UB-04 FL 1).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderContact".
 */
export interface ProviderContact {
  /**
   * A name (PER02), when the provider gives one.
   */
  name?: string | null;
  /**
   * One to three numbers, in order (PER03–PER08); an extension follows its telephone.
   */
  numbers: ContactNumber[];
}
/**
 * A telephone number, extension, fax or e-mail address.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ContactNumber".
 */
export interface ContactNumber {
  /**
   * What it is.
   */
  kind: ContactNumberKind;
  /**
   * The number (digits only for a telephone, fax or extension) or address.
   */
  number: string;
}
/**
 * Another identifier of a provider (REF*0B, 1G, G2 or LU), e.g. the payer-assigned number
 * of CMS-1500 boxes 17a, 24J (shaded), 32b and 33b, or UB-04 FL 57 and 76–79.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderSecondaryId".
 */
export interface ProviderSecondaryId {
  /**
   * The identifier (REF02).
   */
  id: string;
  /**
   * What the identifier is (REF01).
   */
  kind: ProviderIdKind;
}
/**
 * Claim-level dates (2300 DTP).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimDates".
 */
export interface ClaimDates {
  /**
   * Acute manifestation of a chronic condition (DTP*453).
   */
  acuteManifestation?: string | null;
  /**
   * Care assumed by this provider, e.g. post-operative care (DTP*090).
   */
  assumedCare?: string | null;
  /**
   * First day the patient was unable to work (DTP*360, or DTP*314 with the last; box 16).
   */
  disabilityFrom?: string | null;
  /**
   * Last day the patient was unable to work (DTP*361, or DTP*314 with the first; box 16).
   */
  disabilityThrough?: string | null;
  /**
   * First contact, for property and casualty claims (DTP*444).
   */
  firstContact?: string | null;
  /**
   * Hospitalization admission, professional claims (DTP*435, box 18).
   */
  hospitalizedFrom?: string | null;
  /**
   * Hospitalization discharge, professional claims (DTP*096, box 18).
   */
  hospitalizedThrough?: string | null;
  /**
   * Initial treatment (DTP*454, box 15).
   */
  initialTreatment?: string | null;
  /**
   * Last menstrual period (DTP*484, box 14 qualifier 484).
   */
  lastMenstrualPeriod?: string | null;
  /**
   * Last seen (DTP*304, box 15).
   */
  lastSeen?: string | null;
  /**
   * Last day worked (DTP*297).
   */
  lastWorked?: string | null;
  /**
   * Last X-ray (DTP*455).
   */
  lastXray?: string | null;
  /**
   * Onset of current illness (DTP*431, box 14).
   */
  onset?: string | null;
  /**
   * Hearing or vision prescription (DTP*471).
   */
  prescription?: string | null;
  /**
   * Care relinquished to another provider (DTP*091).
   */
  relinquishedCare?: string | null;
  /**
   * Authorized return to work (DTP*296).
   */
  returnToWork?: string | null;
}
/**
 * Professional claim content.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Professional".
 */
export interface Professional {
  /**
   * Ambulance transport of the whole claim (CR1, CRC*07, loops 2310E and 2310F).
   */
  ambulance?: Ambulance | null;
  /**
   * The laboratory's CLIA number (REF*X4, box 23): 10 characters, the third a `D`.
   * Required when the claim has laboratory services (CPT 80047–89398, PLA codes, or a
   * `QW` CLIA-waived test) and the lines do not carry their own.
   */
  cliaNumber?: string | null;
  /**
   * Condition codes (HI*BG, box 10d), at most 24.
   */
  conditionCodes?: string[];
  /**
   * Service lines (2400, box 24), at most 50.
   */
  lines: ProfessionalLine[];
  /**
   * What the patient has paid towards the covered services (AMT*F5, box 29).
   */
  patientAmountPaid?: Money | null;
  /**
   * Place of service for the claim (CLM05-1, box 24B); lines may override.
   */
  placeOfService: PlaceOfService;
  /**
   * Spinal manipulation by a chiropractor (CR2).
   */
  spinalManipulation?: SpinalManipulation | null;
  /**
   * The supervising provider (2310D, box 17 qualifier DQ), a person.
   */
  supervisingProvider?: Provider | null;
}
/**
 * One professional service line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProfessionalLine".
 */
export interface ProfessionalLine {
  /**
   * Ambulance transport of this line when it differs from the claim's (CR1, CRC*07,
   * QTY*PT, loops 2420G and 2420H).
   */
  ambulance?: Ambulance | null;
  /**
   * Attachments for this line (PWK), at most ten.
   */
  attachments?: Attachment[];
  /**
   * Line charge (SV102, box 24F).
   */
  charge: Money;
  /**
   * The CLIA number of the laboratory that performed this line, when it differs from the
   * claim's (REF*X4).
   */
  cliaNumber?: string | null;
  /**
   * 1-based pointers into the claim's diagnoses, at most four (SV107, box 24E).
   */
  diagnosisPointers: number[];
  /**
   * Drug given, for drug lines (LIN/CTP, box 24 shaded).
   */
  drug?: DrugQuantity | null;
  /**
   * Durable medical equipment certification (CR3, CRC*09, PWK*CT, DTP*461/463/607).
   */
  durableMedicalEquipment?: DurableMedicalEquipment | null;
  /**
   * An emergency service (SV109 = Y, box 24C).
   */
  emergency?: boolean;
  /**
   * An EPSDT (early and periodic screening, diagnosis and treatment) service (SV111 = Y,
   * box 24H).
   */
  epsdt?: boolean;
  /**
   * A family planning service (SV112 = Y, box 24H).
   */
  familyPlanning?: boolean;
  /**
   * The provider's own line id, echoed back by the 835 (REF*6R).
   */
  lineItemControlNumber?: string | null;
  /**
   * Up to four modifiers (SV101-3..6).
   */
  modifiers?: Modifier[];
  /**
   * A note about the line (NTE*ADD or NTE*DCP).
   */
  note?: ClaimNote | null;
  /**
   * The provider who ordered the service, e.g. equipment or a test (2420E, box 17
   * qualifier DK), a person; the one provider loop besides the billing provider with an
   * address.
   */
  orderingProvider?: Provider | null;
  /**
   * Place of service when it differs from the claim's (SV105).
   */
  placeOfService?: PlaceOfService | null;
  /**
   * Prior authorization numbers of this line when they differ from the claim's (REF*G1),
   * at most five.
   */
  priorAuthorizations?: string[];
  /**
   * Procedure code (SV101-2, box 24D).
   */
  procedure: ProcedureCode;
  /**
   * A purchased service: who performed it and what it cost (PS1, box 20).
   */
  purchasedService?: PurchasedService | null;
  /**
   * The provider who performed a purchased service (2420B).
   */
  purchasedServiceProvider?: PurchasedServiceProvider | null;
  /**
   * Units, or anesthesia minutes (SV103/SV104, box 24G).
   */
  quantity: Quantity;
  /**
   * Referral numbers of this line when they differ from the claim's (REF*9F), at most
   * five.
   */
  referralNumbers?: string[];
  /**
   * Rendering provider when it differs from the claim's (2420A).
   */
  renderingProvider?: Provider | null;
  /**
   * Date of service, or first date of a span (DTP*472, box 24A).
   */
  serviceDate: string;
  /**
   * Last date of a span, when the line covers several days.
   */
  serviceDateEnd?: string | null;
  /**
   * Supervising provider when it differs from the claim's (2420D), a person.
   */
  supervisingProvider?: Provider | null;
  /**
   * Third party organization notes (NTE*TPO).
   */
  thirdPartyNote?: string | null;
}
/**
 * A drug given on a line: its NDC and quantity (LIN*N4, CTP).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DrugQuantity".
 */
export interface DrugQuantity {
  /**
   * The National Drug Code.
   */
  ndc: Ndc;
  /**
   * Quantity given, in `unit`.
   */
  quantity: string;
  /**
   * Unit of measure.
   */
  unit: DrugUnit;
}
/**
 * The certification of durable medical equipment on a line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DurableMedicalEquipment".
 */
export interface DurableMedicalEquipment {
  /**
   * When the therapy began (DTP*463).
   */
  beginTherapy?: string | null;
  /**
   * How the certificate of medical necessity is sent (PWK*CT).
   */
  certificateTransmission?: CmnTransmission | null;
  /**
   * Initial, renewal or revised certification and for how long (CR3).
   */
  certification?: DmeCertification | null;
  /**
   * When a renewed or revised certification was made (DTP*607).
   */
  certificationRevision?: string | null;
  /**
   * Condition indicators (CRC*09).
   */
  condition?: DmeConditionIndicator | null;
  /**
   * When the equipment was last certified (DTP*461).
   */
  lastCertification?: string | null;
}
/**
 * A certification of durable medical equipment (CR3).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DmeCertification".
 */
export interface DmeCertification {
  /**
   * Initial, renewal or revised (CR301).
   */
  kind: CertificationType;
  /**
   * For how many months the equipment is needed (CR303 with CR302 = MO).
   */
  months: number;
}
/**
 * Durable medical equipment condition indicators (CRC*09).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DmeConditionIndicator".
 */
export interface DmeConditionIndicator {
  /**
   * Whether the conditions apply (CRC02 Y) or not (N).
   */
  applies: boolean;
  /**
   * One or two conditions (CRC03, CRC04).
   */
  conditions: DmeCondition[];
}
/**
 * A free-text note (NTE): what it is about and the text, at most 80 characters.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimNote".
 */
export interface ClaimNote {
  /**
   * What the note is about (NTE01).
   */
  kind: NoteKind;
  /**
   * The text (NTE02), 1–80 characters.
   */
  text: string;
}
/**
 * A service purchased from another provider (PS1, CMS-1500 box 20).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PurchasedService".
 */
export interface PurchasedService {
  /**
   * What the billing provider paid for it (PS102).
   */
  charge: Money;
  /**
   * The identifier of the provider the service was purchased from (PS101).
   */
  providerId: string;
}
/**
 * The provider a service was purchased from (2420B): the 837P names no one here, it sends
 * the entity type and identifiers only.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PurchasedServiceProvider".
 */
export interface PurchasedServiceProvider {
  /**
   * A person or an organization (NM102).
   */
  entityType?: EntityType;
  /**
   * Its NPI (NM109), when it has one.
   */
  npi?: Npi | null;
  /**
   * Other identifiers (REF*0B, 1G, G2), at most 20.
   */
  secondaryIds?: ProviderSecondaryId[];
}
/**
 * A chiropractic spinal manipulation (CR2).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SpinalManipulation".
 */
export interface SpinalManipulation {
  /**
   * The patient's condition (CR208).
   */
  condition: SpinalCondition;
  /**
   * A description of the condition (CR210).
   */
  description?: string | null;
  /**
   * More description (CR211).
   */
  moreDescription?: string | null;
}
/**
 * Institutional claim content.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Institutional".
 */
export interface Institutional {
  /**
   * Admission: its date and hour, type and source (DTP*435, CL101, CL102; FL 12–15).
   * Required on inpatient claims.
   */
  admission?: Admission | null;
  /**
   * The diagnosis at admission (HI*ABJ, FL 69): required on inpatient claims.
   */
  admittingDiagnosis?: Icd10Cm | null;
  /**
   * Attending provider (2310A, FL 76).
   */
  attendingProvider: Provider;
  /**
   * Remarks for the payer (NTE*ADD, FL 80), 1–80 characters.
   */
  billingNote?: string | null;
  /**
   * Condition codes (HI BG, FL 18–28).
   */
  conditionCodes?: string[];
  /**
   * Discharge hour (DTP*096, FL 16), 0–23.
   */
  dischargeHour?: number | null;
  /**
   * The diagnosis related group the claim is billed under (HI*DR, FL 71).
   */
  drg?: string | null;
  /**
   * What the patient is estimated to owe (AMT*F3, FL 55).
   */
  estimatedAmountDue?: Money | null;
  /**
   * External causes of injury (HI*ABN, FL 72), at most twelve.
   */
  externalCauses?: ExternalCause[];
  /**
   * Facility type code, the 2nd and 3rd digits of the type of bill (CLM05-1), e.g. `13`.
   */
  facilityType: string;
  /**
   * Service lines (2400, FL 42–47), at most 999.
   */
  lines: InstitutionalLine[];
  /**
   * Occurrence codes with dates (HI BH, FL 31–34).
   */
  occurrenceCodes?: OccurrenceCode[];
  /**
   * Occurrence span codes with their periods (HI*BI, FL 35–36), at most 24.
   */
  occurrenceSpans?: OccurrenceSpan[];
  /**
   * Operating physician (2310B, FL 77).
   */
  operatingProvider?: Provider | null;
  /**
   * Another operating physician (2310C, FL 78), a person.
   */
  otherOperatingProvider?: Provider | null;
  /**
   * Patient discharge status (CL103, FL 17), e.g. `01`.
   */
  patientStatus: string;
  /**
   * Whether each of the claim's diagnoses, principal first, was present on admission
   * (HI C022-9, FL 67 and 67A–Q): empty, or one entry per diagnosis, `null` where the
   * diagnosis is exempt from reporting.
   */
  presentOnAdmission?: (PresentOnAdmission | null)[];
  /**
   * ICD-10-PCS procedures, principal first (HI*BBR, then HI*BBQ; FL 74 and 74a–e): at
   * most 25, each with its date.
   */
  procedures?: PcsProcedure[];
  /**
   * The patient's reasons for an outpatient visit (HI*APR, FL 70), at most three.
   */
  reasonsForVisit?: Icd10Cm[];
  /**
   * Statement period start (DTP*434, FL 6).
   */
  statementFrom: string;
  /**
   * Statement period end (DTP*434, FL 6).
   */
  statementThrough: string;
  /**
   * Home health plan-of-treatment codes (HI*TC), at most 24.
   */
  treatmentCodes?: string[];
  /**
   * Value codes with amounts (HI BE, FL 39–41).
   */
  valueCodes?: ValueCode[];
}
/**
 * An external cause of injury (HI*ABN).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ExternalCause".
 */
export interface ExternalCause {
  /**
   * The ICD-10-CM code (V00–Y99).
   */
  code: Icd10Cm;
  /**
   * Whether it was present on admission; absent when exempt or not reported.
   */
  presentOnAdmission?: PresentOnAdmission | null;
}
/**
 * One institutional service line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "InstitutionalLine".
 */
export interface InstitutionalLine {
  /**
   * Line charge (SV203, FL 47).
   */
  charge: Money;
  /**
   * Drug given, for drug lines.
   */
  drug?: DrugQuantity | null;
  /**
   * The provider's own line id (REF*6R).
   */
  lineItemControlNumber?: string | null;
  /**
   * Up to four modifiers.
   */
  modifiers?: Modifier[];
  /**
   * Non-covered charge (SV207, FL 48).
   */
  nonCoveredCharge?: Money | null;
  /**
   * HCPCS/CPT code where required, e.g. outpatient (SV202-2, FL 44).
   */
  procedure?: ProcedureCode | null;
  /**
   * Revenue code (SV201, FL 42).
   */
  revenueCode: RevenueCode;
  /**
   * Date of service, required for outpatient lines (DTP*472, FL 45).
   */
  serviceDate?: string | null;
  /**
   * Units or days (SV205, FL 46).
   */
  units: string;
}
/**
 * An occurrence code and its date.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OccurrenceCode".
 */
export interface OccurrenceCode {
  /**
   * The code.
   */
  code: string;
  /**
   * When it occurred.
   */
  date: string;
}
/**
 * An occurrence span code and its period (HI*BI).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OccurrenceSpan".
 */
export interface OccurrenceSpan {
  /**
   * The code (two digits or capital letters).
   */
  code: string;
  /**
   * The first day.
   */
  from: string;
  /**
   * The last day.
   */
  through: string;
}
/**
 * An inpatient procedure (HI*BBR principal, HI*BBQ other).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PcsProcedure".
 */
export interface PcsProcedure {
  /**
   * The ICD-10-PCS code.
   */
  code: Icd10Pcs;
  /**
   * When it was performed: the 837I requires it.
   */
  date?: string | null;
}
/**
 * A value code and its amount.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ValueCode".
 */
export interface ValueCode {
  /**
   * The amount.
   */
  amount: Money;
  /**
   * The code.
   */
  code: string;
}
/**
 * Claim indicators from CLM06–CLM09 (boxes 12, 13, 27, 31).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimIndicators".
 */
export interface ClaimIndicators {
  /**
   * Provider accepts assignment (CLM07, box 27).
   */
  assignment: Assignment;
  /**
   * Patient assigned benefits to the provider (CLM08, box 13).
   */
  benefitsAssigned: boolean;
  /**
   * How the patient's signature was obtained (837P CLM10).
   */
  patientSignatureSource?: PatientSignatureSource | null;
  /**
   * Provider signature on file (CLM06, box 31).
   */
  providerSignatureOnFile: boolean;
  /**
   * Release of information (CLM09, box 12).
   */
  releaseOfInformation: ReleaseOfInformation;
}
/**
 * Another payer of the claim: its coverage (2320 SBR, 2330A, 2330B) and, once it has
 * adjudicated the claim, what it paid (AMT*D), its claim adjustments (2320 CAS) and its line
 * adjudications (2430).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OtherPayer".
 */
export interface OtherPayer {
  /**
   * When that payer adjudicated the claim: its check or remittance date (2330B DTP*573).
   */
  adjudicated?: string | null;
  /**
   * Its claim-level adjustments (2320 CAS).
   */
  adjustments?: ClaimAdjustment[];
  /**
   * That payer's claim control number for this claim (2330B REF*F8).
   */
  claimControlNumber?: string | null;
  /**
   * The group's or plan's name with that payer (2320 SBR04, box 9d).
   */
  groupName?: string | null;
  /**
   * Group or policy number with that payer (2320 SBR03).
   */
  groupNumber?: string | null;
  /**
   * Medicare's inpatient adjudication (837I 2320 MIA; the 835's MIA).
   */
  inpatientAdjudication?: OtherPayerInpatientAdjudication | null;
  /**
   * Why Medicare is not primary, for a Medicare payer (837P 2320 SBR05).
   */
  insuranceType?: InsuranceType | null;
  /**
   * Its line adjudications (2430), linked to the claim's lines by index.
   */
  lines?: LineAdjudication[];
  /**
   * What that payer did not cover (2320 AMT*A8).
   */
  nonCovered?: Money | null;
  /**
   * Medicare's outpatient adjudication (2320 MOA; the 835's MOA).
   */
  outpatientAdjudication?: OtherPayerOutpatientAdjudication | null;
  /**
   * What that payer paid on the claim (2320 AMT*D), once adjudicated.
   */
  paid?: Money | null;
  /**
   * The other payer: name and id (2330B NM1*PR) and claim filing indicator (2320 SBR09).
   */
  payer: Payer;
  /**
   * That payer's prior authorization number (2330B REF*G1).
   */
  priorAuthorization?: string | null;
  /**
   * That payer's referral number (2330B REF*9F).
   */
  referralNumber?: string | null;
  /**
   * The patient's relationship to that payer's subscriber (2320 SBR02): `18` self, `01`
   * spouse, `19` child, `20` employee, `21` unknown, `39`, `40`, `53`, `G8` other.
   */
  relationship: string;
  /**
   * What the patient still owes after that payer's adjudication (2320 AMT*EAF; the
   * 835's CLP05).
   */
  remainingPatientLiability?: Money | null;
  /**
   * Its place in the payment order (2320 SBR01).
   */
  responsibility: PayerResponsibility;
  /**
   * That payer's member id (2330A NM109 with MI).
   */
  subscriberMemberId: string;
  /**
   * That payer's subscriber (2330A NM1*IL).
   */
  subscriberName: PersonName;
}
/**
 * One adjustment made by another payer (CAS group, reason, amount and quantity).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimAdjustment".
 */
export interface ClaimAdjustment {
  /**
   * How much: positive decreases the payment.
   */
  amount: Money;
  /**
   * Who bears it (CAS01).
   */
  group: GroupCode;
  /**
   * How many units it covers (CAS04, 07, …), when the payer said.
   */
  quantity?: string;
  /**
   * Why (CARC).
   */
  reason: Carc;
}
/**
 * Medicare's adjudication of an inpatient claim (MIA), as the 835 reports it and a
 * secondary 837I passes it on (loop 2320). The 837I does not use MIA02.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OtherPayerInpatientAdjudication".
 */
export interface OtherPayerInpatientAdjudication {
  /**
   * Cost report days (MIA15).
   */
  costReportDays?: string;
  /**
   * Covered days or visits (MIA01).
   */
  coveredDays: string;
  /**
   * Disproportionate share amount (MIA06).
   */
  disproportionateShare?: Money | null;
  /**
   * DRG amount (MIA04).
   */
  drgAmount?: Money | null;
  /**
   * Indirect teaching amount (MIA18).
   */
  indirectTeaching?: Money | null;
  /**
   * Lifetime psychiatric days (MIA03).
   */
  lifetimePsychiatricDays?: string;
  /**
   * Medicare secondary payer pass-through amount (MIA07).
   */
  mspPassThrough?: Money | null;
  /**
   * Professional component billed but not payable (MIA19).
   */
  nonpayableProfessionalComponent?: Money | null;
  /**
   * Old capital amount (MIA12).
   */
  oldCapital?: Money | null;
  /**
   * PPS capital amount (MIA08).
   */
  ppsCapital?: Money | null;
  /**
   * PPS capital, disproportionate share, hospital DRG amount (MIA11).
   */
  ppsCapitalDshDrg?: Money | null;
  /**
   * PPS capital exception amount (MIA24).
   */
  ppsCapitalException?: Money | null;
  /**
   * PPS capital, federal specific portion, DRG amount (MIA09).
   */
  ppsCapitalFspDrg?: Money | null;
  /**
   * PPS capital, hospital specific portion, DRG amount (MIA10).
   */
  ppsCapitalHspDrg?: Money | null;
  /**
   * PPS capital indirect medical education amount (MIA13).
   */
  ppsCapitalIme?: Money | null;
  /**
   * PPS capital outlier amount (MIA17).
   */
  ppsCapitalOutlier?: Money | null;
  /**
   * PPS operating, federal specific, DRG amount (MIA16).
   */
  ppsOperatingFederalSpecificDrg?: Money | null;
  /**
   * PPS operating, hospital specific, DRG amount (MIA14).
   */
  ppsOperatingHospitalSpecificDrg?: Money | null;
  /**
   * PPS operating outlier amount (MIA02; 835 only).
   */
  ppsOperatingOutlier?: Money | null;
  /**
   * Remark codes (MIA05, then MIA20–MIA23), at most five.
   */
  remarks?: Rarc[];
}
/**
 * How another payer adjudicated one service line (2430 SVD, CAS, DTP*573).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LineAdjudication".
 */
export interface LineAdjudication {
  /**
   * When that payer adjudicated the line (DTP*573).
   */
  adjudicationDate: string;
  /**
   * Line adjustments (2430 CAS): charge = paid + their sum, when the line balances.
   */
  adjustments?: ClaimAdjustment[];
  /**
   * 0-based index of the claim's service line this adjudicates.
   */
  line: number;
  /**
   * Modifiers as adjudicated (SVD03-3..6).
   */
  modifiers?: Modifier[];
  /**
   * What that payer paid on the line (SVD02).
   */
  paid: Money;
  /**
   * Procedure as adjudicated (SVD03-2), when the payer reported one.
   */
  procedure?: ProcedureCode | null;
  /**
   * What the patient still owes on the line after that payer (2430 AMT*EAF).
   */
  remainingPatientLiability?: Money | null;
  /**
   * Revenue code as adjudicated (institutional SVD04).
   */
  revenueCode?: RevenueCode | null;
  /**
   * Units paid (SVD05).
   */
  units: string;
}
/**
 * Medicare's adjudication of an outpatient claim (MOA), as the 835 reports it and a
 * secondary 837 passes it on (loop 2320).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OtherPayerOutpatientAdjudication".
 */
export interface OtherPayerOutpatientAdjudication {
  /**
   * End-stage renal disease payment amount (MOA08).
   */
  esrdPayment?: Money | null;
  /**
   * HCPCS payable amount (MOA02).
   */
  hcpcsPayable?: Money | null;
  /**
   * Professional component billed but not payable (MOA09).
   */
  nonpayableProfessionalComponent?: Money | null;
  /**
   * Reimbursement rate (MOA01), a percentage as a decimal (e.g. `0.8`).
   */
  reimbursementRate?: string;
  /**
   * Remark codes (MOA03–MOA07), at most five.
   */
  remarks?: Rarc[];
}
/**
 * The payer billed.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Payer".
 */
export interface Payer {
  /**
   * The payer's address (N3/N4 of 2010BB or 2330B; the CMS-1500 carrier block).
   */
  address?: Address | null;
  /**
   * Claim filing indicator (SBR09): `MB` Medicare Part B, `MC` Medicaid, `CI` commercial,
   * `BL` Blue Cross/Blue Shield, `HM` HMO, …
   */
  claimFilingIndicator: string;
  /**
   * Payer name.
   */
  name: string;
  /**
   * Payer id used by the clearinghouse (NM109 with PI).
   */
  payerId: string;
  /**
   * Other identifiers of the payer (REF*2U, EI, FY, NF): at most three for the payer
   * billed, two for another payer.
   */
  secondaryIds?: PayerSecondaryId[];
}
/**
 * Another identifier of a payer (REF*2U, EI, FY or NF).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerSecondaryId".
 */
export interface PayerSecondaryId {
  /**
   * The identifier (REF02).
   */
  id: string;
  /**
   * What the identifier is (REF01).
   */
  kind: PayerIdKind;
}
/**
 * A person's name.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PersonName".
 */
export interface PersonName {
  /**
   * Given name.
   */
  first: string;
  /**
   * Family name.
   */
  last: string;
  /**
   * Middle name or initial.
   */
  middle?: string | null;
  /**
   * Suffix (Jr, III).
   */
  suffix?: string | null;
}
/**
 * The patient, when not the subscriber.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Patient".
 */
export interface Patient {
  /**
   * Address (box 5).
   */
  address?: Address | null;
  /**
   * Date of birth (box 3).
   */
  birthDate: string;
  /**
   * Name (box 2).
   */
  name: PersonName;
  /**
   * Relationship to the subscriber (PAT01): `01` spouse, `19` child, `20` employee,
   * `21` unknown, `39` organ donor, `40` cadaver donor, `53` life partner, `G8` other.
   */
  relationship: string;
  /**
   * Sex (box 3).
   */
  sex: Sex;
}
/**
 * The health plan a subrogation demand is paid to (2010AC): the claim is sent as a
 * subrogation demand (BHT06 = 31).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayToPlan".
 */
export interface PayToPlan {
  /**
   * Its address (N3/N4).
   */
  address: Address;
  /**
   * Its identifier (NM109).
   */
  id: string;
  /**
   * What its identifier is (NM108).
   */
  idKind: PlanIdKind;
  /**
   * The plan's name (NM103).
   */
  name: string;
  /**
   * Another identifier of the plan (REF*2U, FY or NF).
   */
  secondaryId?: PayerSecondaryId | null;
  /**
   * The plan's tax identification number, 9 digits (REF*EI).
   */
  taxId: string;
}
/**
 * Where payment goes when it is not the billing provider's address (2010AB; UB-04 FL 2).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayToProvider".
 */
export interface PayToProvider {
  /**
   * The address payment goes to (N3/N4).
   */
  address: Address;
  /**
   * A person or an organization (NM102); the 837I takes an organization only.
   */
  entityType?: EntityType;
}
/**
 * What the services relate to (837P CLM11, CMS-1500 boxes 10a–c).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RelatedCauses".
 */
export interface RelatedCauses {
  /**
   * The accident's date (DTP*439): required with an auto or other accident, and not sent
   * for employment alone.
   */
  accidentDate?: string | null;
  /**
   * One or two causes (CLM11-1, CLM11-2).
   */
  causes: RelatedCause[];
  /**
   * The country of an accident outside the United States, two letters (CLM11-5).
   */
  country?: string | null;
  /**
   * The state of an auto accident, two letters (CLM11-4; box 10b's place).
   */
  state?: string | null;
}
/**
 * Where the service was performed (2310C).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ServiceFacility".
 */
export interface ServiceFacility {
  /**
   * Facility address; its ZIP finds the Medicare locality.
   */
  address: Address;
  /**
   * Facility name.
   */
  name: string;
  /**
   * Facility NPI, when it has one.
   */
  npi?: Npi | null;
  /**
   * Other identifiers of the facility (REF*0B, G2, LU), at most three.
   */
  secondaryIds?: ProviderSecondaryId[];
}
/**
 * The insured person.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Subscriber".
 */
export interface Subscriber {
  /**
   * Address (box 7).
   */
  address?: Address | null;
  /**
   * Date of birth (DMG02).
   */
  birthDate?: string | null;
  /**
   * The group's or plan's name (SBR04, box 11c; UB-04 FL 61).
   */
  groupName?: string | null;
  /**
   * Group or policy number (SBR03, box 11; UB-04 FL 62).
   */
  groupNumber?: string | null;
  /**
   * Why Medicare is not primary, when Medicare is billed as secondary or tertiary payer
   * (837P SBR05).
   */
  insuranceType?: InsuranceType | null;
  /**
   * Member id on the insurance card (NM109, box 1a).
   */
  memberId: string;
  /**
   * Name (box 4).
   */
  name: PersonName;
  /**
   * Primary, secondary or tertiary (SBR01).
   */
  payerResponsibility?: PayerResponsibility & string;
  /**
   * Sex (DMG03).
   */
  sex?: Sex | null;
}
/**
 * The Medicare locality that priced a claim, and why that one.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LocalityChoice".
 */
export interface LocalityChoice {
  /**
   * The locality.
   */
  locality: LocalityId;
  /**
   * Where it came from.
   */
  source: LocalitySource;
}
/**
 * Which PFS data priced a claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PfsVersion".
 */
export interface PfsVersion {
  /**
   * Where the version came from: the files, or the caller overriding them.
   */
  source: PfsVersionSource;
  /**
   * The data version (e.g. `RVU25D`), as every trace step that read the data records it.
   */
  version: string;
}
/**
 * A priced claim: per line the allowed amount, the expected payment and the trace.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PricedClaim".
 */
export interface PricedClaim {
  /**
   * The date pricing was done for.
   */
  asOf: string;
  /**
   * The lines, in claim order.
   */
  lines: PricedLine[];
  /**
   * The Medicare locality the claim was priced in and why; absent when the schedule needs
   * none.
   */
  locality?: LocalityChoice | null;
  /**
   * The claim's patient control number.
   */
  patientControlNumber: string;
  /**
   * The contract's payer.
   */
  payerId: string;
  /**
   * The PFS data the claim was priced with (its RVUs or its multiple-procedure and add-on
   * indicators), when any was given.
   */
  pfsVersion?: PfsVersion | null;
  /**
   * Total allowed.
   */
  totalAllowed: Money;
  /**
   * Total billed.
   */
  totalCharge: Money;
  /**
   * Total expected payment before patient cost sharing.
   */
  totalExpectedPayment: Money;
}
/**
 * One priced line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PricedLine".
 */
export interface PricedLine {
  /**
   * Allowed amount (zero when not priced).
   */
  allowed: Money;
  /**
   * Billed charge.
   */
  charge: Money;
  /**
   * Expected payment before patient cost sharing (the allowed amount; deductible,
   * copay and coinsurance come from the patient's benefit plan).
   */
  expectedPayment: Money;
  /**
   * 0-based index of the line in the claim.
   */
  line: number;
  /**
   * Modifiers on the line.
   */
  modifiers?: Modifier[];
  /**
   * Place of service, for professional lines.
   */
  placeOfService?: PlaceOfService | null;
  /**
   * Procedure code, when the line has one.
   */
  procedure?: ProcedureCode | null;
  /**
   * Date of service.
   */
  serviceDate: string;
  /**
   * Whether the line could be priced.
   */
  status: LineStatus;
  /**
   * Every step, replayable with [`replay`].
   */
  trace: TraceStep[];
}
/**
 * One step of pricing a line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TraceStep".
 */
export interface TraceStep {
  /**
   * The data the step read (e.g. `RVU25D`), when it read any.
   */
  dataVersion?: string | null;
  /**
   * What happened, in words.
   */
  explanation: string;
  /**
   * The inputs the step used.
   */
  inputs?: TraceInput[];
  /**
   * What the step did.
   */
  operation: Operation;
  /**
   * The running amount after the step.
   */
  result: Money;
  /**
   * Stable rule id, e.g. `PFS-RBRVS`, `MOD-50-BILATERAL`, `MPPR-51`, `LESSER-OF-CHARGE`.
   */
  rule: string;
}
/**
 * One named input of a step (an RVU, a GPCI, a conversion factor…), for explanation.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TraceInput".
 */
export interface TraceInput {
  /**
   * What it is.
   */
  name: string;
  /**
   * Its value.
   */
  value: string;
}
/**
 * A claim as it was billed, kept beside the books: the claim (with patient data: it stays
 * in the practice's claim store, never in the ledger), the patient account it belongs to,
 * and medbill's pricing of it under the payer's contract when it was charged (what an
 * underpayment is measured against).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ChargedClaim".
 */
export interface ChargedClaim {
  /**
   * The claim as last billed: the original, or the claim sent on to the next payer.
   */
  claim: Claim;
  /**
   * The practice's patient account id (no patient data).
   */
  patientAccount: string;
  /**
   * Its pricing under the contract of the payer it was first billed to.
   */
  priced?: PricedClaim | null;
}
/**
 * A subscriber or dependent as a request names them.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Individual".
 */
export interface Individual {
  /**
   * DMG02.
   */
  birthDate?: string | null;
  /**
   * DMG03 (`F`, `M`, `U`).
   */
  gender?: string | null;
  /**
   * NM103–NM107.
   */
  name: X12PersonName;
}
/**
 * A person's name (NM103–NM107).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12PersonName".
 */
export interface X12PersonName {
  /**
   * NM104.
   */
  first?: string | null;
  /**
   * NM103.
   */
  last: string;
  /**
   * NM105.
   */
  middle?: string | null;
  /**
   * NM107.
   */
  suffix?: string | null;
}
/**
 * A payer or other organization a request names by name and id.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Organization".
 */
export interface Organization {
  /**
   * NM109 (`PI` payer id for a payer, `46` ETIN for an information receiver).
   */
  id: string;
  /**
   * NM103.
   */
  name: string;
}
/**
 * A provider a request names (NM1*1P): an organization, or a person with a first name.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RequestProvider".
 */
export interface RequestProvider {
  /**
   * NM104 first name: the provider is a person (NM102 `1`) when present.
   */
  firstName?: string | null;
  /**
   * NM108/NM109.
   */
  id: ProviderId;
  /**
   * NM103 organization or last name.
   */
  name: string;
}
/**
 * A 276 claim status inquiry about one claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimStatusRequest".
 */
export interface ClaimStatusRequest {
  /**
   * REF*BLT institutional bill type.
   */
  billType?: string | null;
  /**
   * AMT*T3 total claim charge.
   */
  charge?: Money | null;
  /**
   * 2100E the dependent, when the patient is not the subscriber.
   */
  dependent?: Individual | null;
  /**
   * 2100B the information receiver (NM1*41, `46` ETIN).
   */
  informationReceiver: Organization;
  /**
   * 2100D NM109 member id.
   */
  memberId: string;
  /**
   * REF*EJ the patient control number (CLM01 of the claim).
   */
  patientControlNumber?: string | null;
  /**
   * 2100A the payer (NM1*PR, `PI` payer id).
   */
  payer: Organization;
  /**
   * REF*1K the payer's claim control number.
   */
  payerClaimNumber?: string | null;
  /**
   * 2100C the provider (NM1*1P), by NPI.
   */
  provider: RequestProvider;
  /**
   * BHT03 the submitter's reference.
   */
  reference: string;
  /**
   * DTP*472 service date or range.
   */
  serviceDates?: DateOrRange | null;
  /**
   * 2100D the subscriber. The birth date and gender (2000D DMG) are the patient's
   * demographics: they are sent only when there is no dependent.
   */
  subscriber: Individual;
  /**
   * 2200D/E TRN02 the trace number the 277 echoes.
   */
  traceNumber: string;
}
/**
 * One DTP segment: what the date is (DTP01 qualifier: `291` plan, `346` plan begin, `356`
 * eligibility begin, `357` eligibility end, `472` service…) and the date.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "QualifiedDate".
 */
export interface QualifiedDate {
  /**
   * DTP02/DTP03.
   */
  date: DateOrRange;
  /**
   * DTP01.
   */
  qualifier: string;
}
/**
 * A QTY segment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "QualifiedQuantity".
 */
export interface QualifiedQuantity {
  /**
   * QTY01 (`90` accepted, `AA` rejected, `QA`…).
   */
  qualifier: string;
  /**
   * QTY02.
   */
  value: string;
}
/**
 * An AMT segment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusAmount".
 */
export interface StatusAmount {
  /**
   * AMT02.
   */
  amount: Money;
  /**
   * AMT01 (`YU` accepted, `YY` rejected, `T3` total submitted charges…).
   */
  qualifier: string;
}
/**
 * One claim (a TRN at the subscriber, dependent or patient level) and its statuses.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusClaim".
 */
export interface StatusClaim {
  /**
   * AMT segments of the claim (276 `T3` total charge).
   */
  amounts: StatusAmount[];
  /**
   * DTP segments of the claim (`472` service dates).
   */
  dates: QualifiedDate[];
  /**
   * SVC loops.
   */
  lines: StatusLine[];
  /**
   * The patient when not the subscriber (2100E, or the 277CA patient level).
   */
  patient?: X12Person | null;
  /**
   * REF*EJ, else for a 277CA TRN02 (the claim's CLM01).
   */
  patientControlNumber?: string | null;
  /**
   * The payer (2100A).
   */
  payer?: X12Party | null;
  /**
   * REF*1K the payer's claim control number.
   */
  payerClaimNumber?: string | null;
  /**
   * Position of the TRN segment that opens the claim.
   */
  position: number;
  /**
   * The provider (2100C).
   */
  provider?: X12Party | null;
  /**
   * The information receiver (2100B).
   */
  receiver?: X12Party | null;
  /**
   * Other REF segments (`BLT` bill type, `D9` clearinghouse trace…).
   */
  references: X12Reference[];
  /**
   * STC segments of the claim.
   */
  statuses: StatusEntry[];
  /**
   * The subscriber (2100D).
   */
  subscriber?: X12Person | null;
  /**
   * TRN02: the 276 trace number echoed (277), or the patient control number (277CA).
   */
  traceNumber: string;
}
/**
 * One service line (SVC loop).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusLine".
 */
export interface StatusLine {
  /**
   * SVC02 line charge.
   */
  charge?: Money | null;
  /**
   * DTP segments (`472` service date).
   */
  dates: QualifiedDate[];
  /**
   * REF*FJ line item control number.
   */
  lineItemControlNumber?: string | null;
  /**
   * SVC03 line payment.
   */
  payment?: Money | null;
  /**
   * Position of the SVC segment in the file.
   */
  position: number;
  /**
   * SVC01 (qualifier, code and modifiers joined by `:`).
   */
  procedure: string;
  /**
   * Other REF segments.
   */
  references: X12Reference[];
  /**
   * SVC04 revenue code.
   */
  revenueCode?: string | null;
  /**
   * STC segments.
   */
  statuses: StatusEntry[];
  /**
   * SVC07 units.
   */
  units: string;
}
/**
 * One REF segment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12Reference".
 */
export interface X12Reference {
  /**
   * REF03 description (e.g. the group name), when sent.
   */
  description?: string | null;
  /**
   * REF01 (`18` plan number, `1L` group or policy number, `6P` group number, `EJ` patient
   * account number, `1K` payer claim number…).
   */
  qualifier: string;
  /**
   * REF02.
   */
  value: string;
}
/**
 * One STC segment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusEntry".
 */
export interface StatusEntry {
  /**
   * STC03 action code (`WQ` accepted, `U` rejected…), when sent.
   */
  action?: string | null;
  /**
   * STC06 adjudication or payment date.
   */
  adjudicationDate?: string | null;
  /**
   * STC04 total claim charge.
   */
  charge?: Money | null;
  /**
   * STC08 check issue or EFT date.
   */
  checkDate?: string | null;
  /**
   * STC09 check or EFT trace number.
   */
  checkNumber?: string | null;
  /**
   * STC01, then STC10 and STC11 when sent.
   */
  codes: StatusCode[];
  /**
   * STC02 status information effective date.
   */
  date?: string | null;
  /**
   * STC12 free-form message.
   */
  message?: string | null;
  /**
   * STC05 claim payment.
   */
  payment?: Money | null;
  /**
   * STC07 payment method (`ACH`, `CHK`…).
   */
  paymentMethod?: string | null;
  /**
   * Position of the STC segment in the file.
   */
  position: number;
}
/**
 * One status composite (STC01, STC10 or STC11).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusCode".
 */
export interface StatusCode {
  /**
   * Component 1: the category (`A1`, `A7`, `P3`, `F2`…).
   */
  category: string;
  /**
   * Component 3: the entity the status is about (`85` billing provider, `QC` patient…).
   */
  entity?: string | null;
  /**
   * Component 4: an NCPDP reject/payment code, when sent.
   */
  ncpdpCode?: string | null;
  /**
   * Component 2: the claim status code (code list 508), when sent.
   */
  status?: string | null;
}
/**
 * A subscriber or patient as a response names them: every identifying field is [`Phi`].
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12Person".
 */
export interface X12Person {
  /**
   * N3/N4.
   */
  address?: X12Address | null;
  /**
   * DMG02.
   */
  birthDate?: string | null;
  /**
   * NM101 (`IL` insured, `03` dependent, `QC` patient).
   */
  entity: string;
  /**
   * DMG03 (`F`, `M`, `U`).
   */
  gender?: string | null;
  /**
   * NM109 member id.
   */
  memberId?: string | null;
  /**
   * NM103–NM107.
   */
  name: X12PersonName;
}
/**
 * A street address (N3/N4).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12Address".
 */
export interface X12Address {
  /**
   * N401.
   */
  city?: string | null;
  /**
   * N301, N302.
   */
  lines: string[];
  /**
   * N403.
   */
  postalCode?: string | null;
  /**
   * N402.
   */
  state?: string | null;
}
/**
 * An organization or a provider named by an NM1 segment (payer, information receiver,
 * provider, benefit-related entity). Not patient data.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12Party".
 */
export interface X12Party {
  /**
   * N3/N4.
   */
  address?: X12Address | null;
  /**
   * PER segments.
   */
  contacts: X12Contact[];
  /**
   * NM101 entity code (`PR` payer, `1P` provider, `41` submitter, `85` billing provider…).
   */
  entity: string;
  /**
   * NM104 first name (a person), when sent.
   */
  firstName?: string | null;
  /**
   * NM109.
   */
  id?: string | null;
  /**
   * NM108 identification code qualifier (`PI` payer id, `XX` NPI, `46` ETIN, `SV`, `FI`).
   */
  idQualifier?: string | null;
  /**
   * NM103 organization or last name.
   */
  name: string;
}
/**
 * A PER contact.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12Contact".
 */
export interface X12Contact {
  /**
   * PER01 function (`IC` information contact…).
   */
  function: string;
  /**
   * PER02 name, when sent.
   */
  name?: string | null;
  /**
   * (qualifier, number) pairs: `TE` telephone, `UR` web address, `EM` e-mail, `FX` fax.
   */
  numbers: [string, string][];
}
/**
 * A level above the claims (information source 20, information receiver 21, provider 19)
 * with what the 277 says at that level (the 277CA accepts or rejects whole batches here).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusLevel".
 */
export interface StatusLevel {
  /**
   * AMT segments.
   */
  amounts: StatusAmount[];
  /**
   * DTP segments (`050` received, `009` process date…).
   */
  dates: QualifiedDate[];
  /**
   * HL03 (`20`, `21`, `19`).
   */
  level: string;
  /**
   * The level's NM1.
   */
  party: X12Party;
  /**
   * QTY segments.
   */
  quantities: QualifiedQuantity[];
  /**
   * REF segments.
   */
  references: X12Reference[];
  /**
   * STC segments.
   */
  statuses: StatusEntry[];
  /**
   * TRN segments.
   */
  traces: Trace[];
}
/**
 * A TRN trace number.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Trace".
 */
export interface Trace {
  /**
   * TRN01: `1` current transaction, `2` referenced transaction.
   */
  kind: string;
  /**
   * TRN02.
   */
  number: string;
  /**
   * TRN03 the entity that assigned it (`1` + tax id, or `9` + other id), when sent.
   */
  originator?: string | null;
}
/**
 * One 277 or 277CA transaction set.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimStatusResponse".
 */
export interface ClaimStatusResponse {
  /**
   * True for a 277CA (005010X214).
   */
  acknowledgment: boolean;
  /**
   * The claims, in file order.
   */
  claims: StatusClaim[];
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Reading findings (positions, never data) and the file's envelope findings.
   */
  findings: Finding[];
  /**
   * The levels above the claims, in file order.
   */
  levels: StatusLevel[];
  /**
   * BHT03.
   */
  reference?: string | null;
  /**
   * ST03, else GS08 (`005010X212` status, `005010X214` acknowledgment).
   */
  version: string;
}
/**
 * A claim of the file that could not become a [`Claim`].
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RejectedClaim".
 */
export interface RejectedClaim {
  /**
   * 1-based position of its CLM segment.
   */
  position: number;
  /**
   * Why, each naming a segment position and element (never the data).
   */
  reasons: string[];
}
/**
 * The submitter's EDI contact (1000A PER): a name and at least one of phone and email.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SubmitterContact".
 */
export interface SubmitterContact {
  /**
   * Email (EM).
   */
  email?: string | null;
  /**
   * PER02.
   */
  name: string;
  /**
   * Telephone (TE), digits only.
   */
  phone?: string | null;
}
/**
 * The submitter (1000A) or receiver (1000B) of a transaction.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TransactionParty".
 */
export interface TransactionParty {
  /**
   * NM109 (qualifier 46, electronic transmitter id).
   */
  id: string;
  /**
   * NM103.
   */
  name: string;
}
/**
 * One 837 transaction set (ST … SE) as read.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimTransaction".
 */
export interface ClaimTransaction {
  /**
   * The claims read, in file order.
   */
  claims: Claim[];
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Envelope findings for this set, and what the model does not carry.
   */
  findings: Finding[];
  /**
   * Professional or institutional, from the version.
   */
  kind: ClaimKind;
  /**
   * 1000B.
   */
  receiver: TransactionParty;
  /**
   * BHT03, the originator's reference for the batch.
   */
  referenceId: string;
  /**
   * Claims that could not become a [`Claim`].
   */
  rejected: RejectedClaim[];
  /**
   * 1000A.
   */
  submitter: TransactionParty;
  /**
   * 1000A PER, when sent.
   */
  submitterContact?: SubmitterContact | null;
  /**
   * ST03, else GS08 (e.g. `005010X222A1`).
   */
  version: string;
}
/**
 * The result of checking one value: what `medbill codes check` prints per line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodeCheck".
 */
export interface CodeCheck {
  /**
   * The kind checked.
   */
  kind: CodeKind;
  /**
   * The normalized form, when valid.
   */
  normalized?: string | null;
  /**
   * Why it is invalid, when invalid.
   */
  reason?: string | null;
  /**
   * Whether it is valid.
   */
  valid: boolean;
  /**
   * The value as given.
   */
  value: string;
}
/**
 * Base units of one anesthesia code.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AnesthesiaBaseUnits".
 */
export interface AnesthesiaBaseUnits {
  /**
   * Anesthesia code (00100–01999).
   */
  procedure: ProcedureCode;
  /**
   * Base units.
   */
  units: string;
}
/**
 * How anesthesia minutes become time units.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AnesthesiaTime".
 */
export interface AnesthesiaTime {
  /**
   * Minutes per time unit.
   */
  minutesPerUnit?: number;
  /**
   * Decimal places kept in time units (1: 129 min → 8.6 units).
   */
  precision?: number;
  /**
   * How time units are rounded to that precision.
   */
  rounding?: Rounding & string;
}
/**
 * A code priced outside the schedule.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CarveOut".
 */
export interface CarveOut {
  /**
   * How it is priced.
   */
  price: CarveOutPrice;
  /**
   * Procedure code.
   */
  procedure: ProcedureCode;
}
/**
 * What the 2nd and later same-day procedures are paid of the component a multiple-procedure
 * indicator reduces (RVU file documentation, field "MULT PROC"; RULES.md §2). The first
 * procedure (ranked by the component's amount) is paid in full.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ComponentReductions".
 */
export interface ComponentReductions {
  /**
   * Indicator 6, diagnostic cardiovascular services: the technical component (75%).
   */
  cardiovascularTechnical?: Rate;
  /**
   * Indicator 4, diagnostic imaging: the professional component (95%, since 2017).
   */
  imagingProfessional?: Rate;
  /**
   * Indicator 4, diagnostic imaging: the technical component (50%).
   */
  imagingTechnical?: Rate;
  /**
   * Indicator 7, diagnostic ophthalmology services: the technical component (80%).
   */
  ophthalmologyTechnical?: Rate;
  /**
   * Indicator 5, selected therapy services: the practice-expense component (50%).
   */
  therapyPracticeExpense?: Rate;
}
/**
 * A payer's pricing settings. Every default is Medicare's (RULES.md §1–§3).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ContractSettings".
 */
export interface ContractSettings {
  /**
   * How anesthesia minutes become time units.
   */
  anesthesiaTime?: AnesthesiaTime;
  /**
   * Share paid for a non-physician assistant at surgery (AS).
   */
  assistantNonPhysicianRate?: Rate;
  /**
   * Share paid for an assistant at surgery (80, 81, 82).
   */
  assistantRate?: Rate;
  /**
   * Share paid to each co-surgeon (62).
   */
  coSurgeonRate?: Rate;
  /**
   * The shares paid for the reduced component of the 2nd and later procedures under
   * multiple-procedure indicators 4–7.
   */
  componentReductions?: ComponentReductions;
  /**
   * Allowed = the lesser of the charge and the schedule amount.
   */
  lesserOfCharge?: boolean;
  /**
   * Multiple-procedure percentages by rank (indicators 2 and 3); procedures ranked past the
   * list need manual pricing.
   */
  multipleProcedureRates?: Rate[];
  /**
   * Share paid to non-physician practitioners billing under their own NPI.
   */
  nonPhysicianRate?: Rate;
  /**
   * Taxonomy prefixes that mark a rendering provider as a non-physician practitioner
   * (nurse practitioner 363L, physician assistant 363A, clinical nurse specialist 364S).
   */
  nonPhysicianTaxonomyPrefixes?: string[];
  /**
   * Days after the date of service a claim may be filed.
   */
  timelyFilingDays?: number | null;
}
/**
 * One flat fee.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "FlatFee".
 */
export interface FlatFee {
  /**
   * Fee per unit.
   */
  amount: Money;
  /**
   * First date of service the fee applies to.
   */
  effectiveFrom?: string | null;
  /**
   * Last date of service the fee applies to.
   */
  effectiveThrough?: string | null;
  /**
   * Pricing modifier (e.g. 26, TC) when the fee is modifier-specific.
   */
  modifier?: Modifier | null;
  /**
   * Procedure code.
   */
  procedure: ProcedureCode;
}
/**
 * A payer contract: which schedule prices the payer's claims, with carve-outs and settings.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Contract".
 */
export interface Contract {
  /**
   * A percentage applied to every schedule amount (e.g. `"105%"`), before lesser-of.
   */
  adjustment?: Rate | null;
  /**
   * Codes priced outside the schedule.
   */
  carveOuts?: CarveOut[];
  /**
   * First date of service the contract covers.
   */
  effectiveFrom: string;
  /**
   * Last date of service the contract covers, if it ends.
   */
  effectiveThrough?: string | null;
  /**
   * The payer's id (as on the claim).
   */
  payerId: string;
  /**
   * The plan, when the contract is plan-specific.
   */
  plan?: string | null;
  /**
   * The fee schedule.
   */
  schedule: FeeSchedule;
  /**
   * The payer's pricing settings.
   */
  settings?: ContractSettings;
}
/**
 * One line of a coordinated claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CoordinatedLine".
 */
export interface CoordinatedLine {
  /**
   * Charge.
   */
  charge: Money;
  /**
   * 0-based line index.
   */
  line: number;
  /**
   * What the patient still owes.
   */
  patientBalance: Money;
  /**
   * The prior payer's adjustments (2430 CAS): charge = prior paid + their sum.
   */
  priorAdjustments: Adjustment[];
  /**
   * What the prior payer allowed; none when its remittance did not say (835 AMT*B6).
   */
  priorAllowed?: Money | null;
  /**
   * What the prior payers paid (2430 SVD).
   */
  priorPaid: Money;
  /**
   * What the secondary pays.
   */
  secondaryPaid: Money;
}
/**
 * What the secondary payer owes, and the data its claim must carry.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Coordination".
 */
export interface Coordination {
  /**
   * Per line.
   */
  lines: CoordinatedLine[];
  /**
   * The method used.
   */
  method: CobMethod;
  /**
   * What the patient still owes after both.
   */
  patientBalance: Money;
  /**
   * What the prior payer paid on the claim (2320 AMT*D).
   */
  priorPaid: Money;
  /**
   * What the secondary payer pays.
   */
  secondaryPaid: Money;
}
/**
 * A visit where the patient paid more than owed.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimCredit".
 */
export interface ClaimCredit {
  /**
   * The claim's patient control number.
   */
  claim: string;
  /**
   * How much more the patient paid than owed (positive).
   */
  credit: Money;
}
/**
 * Money paid back to a patient from the patient account's credit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RefundRequest".
 */
export interface RefundRequest {
  /**
   * How much (positive).
   */
  amount: Money;
  /**
   * The refund check's number.
   */
  check?: string | null;
  /**
   * When it was paid.
   */
  paid: string;
  /**
   * The patient account id.
   */
  patient: string;
  /**
   * When it is entered in the books.
   */
  posted: string;
}
/**
 * A patient account with a credit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CreditBalance".
 */
export interface CreditBalance {
  /**
   * What to do.
   */
  action: CreditAction;
  /**
   * The visits with a credit.
   */
  claims: ClaimCredit[];
  /**
   * What payers still owe on the patient's visits.
   */
  insurancePending: Money;
  /**
   * The credit left once everything the patient owes is counted (what a refund returns).
   */
  netCredit: Money;
  /**
   * What the patient owes on other visits.
   */
  owedOnOtherVisits: Money;
  /**
   * The patient account id.
   */
  patient: string;
  /**
   * The credit kept on the patient account, not applied to a visit (positive).
   */
  unappliedCredit: Money;
}
/**
 * How to look for credits.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CreditOptions".
 */
export interface CreditOptions {
  /**
   * Entries posted on or before this day count.
   */
  asOf: string;
  /**
   * Hold a refund while a payer still owes on one of the patient's visits (default true).
   */
  holdWhileInsurancePending?: boolean;
  /**
   * The day it is entered in the books.
   */
  posted: string;
  /**
   * The day a proposed refund is paid.
   */
  refundOn: string;
}
/**
 * One denied adjustment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DeniedReason".
 */
export interface DeniedReason {
  /**
   * The amount the 835 reported.
   */
  amount: Money;
  /**
   * The CARC's category.
   */
  category: DenialCategory;
  /**
   * Group and CARC (`CO-50`).
   */
  code: string;
  /**
   * The claim line (0-based), for a line adjustment.
   */
  line?: number | null;
  /**
   * The remark codes sent with it.
   */
  remarks?: string[];
  /**
   * The team's words for the CARC.
   */
  words?: string | null;
}
/**
 * A denial to work.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DenialItem".
 */
export interface DenialItem {
  /**
   * The next action of the largest reason.
   */
  action: NextAction;
  /**
   * Their sum.
   */
  amount: Money;
  /**
   * Worth appealing when any reason is; else correct when any reason needs it; else no.
   */
  appeal: Appeal;
  /**
   * The last day to appeal, when known.
   */
  appealDeadline?: string | null;
  /**
   * The category of the largest reason.
   */
  category: DenialCategory;
  /**
   * The claim (patient control number).
   */
  claim: string;
  /**
   * Days from the queue's date to the deadline (negative: passed).
   */
  daysLeft?: number | null;
  /**
   * Where the deadline comes from.
   */
  deadlineRule?: DeadlineRule | null;
  /**
   * The determination's date (the check or EFT date of the remittance).
   */
  determined: string;
  /**
   * The patient account.
   */
  patient: string;
  /**
   * The payer's key (the claim's payer id).
   */
  payer: string;
  /**
   * The payer's claim number (CLP07), for a corrected claim or an appeal.
   */
  payerClaimNumber?: string | null;
  /**
   * Where the payer stands.
   */
  rank: PayerRank;
  /**
   * The denied adjustments.
   */
  reasons: DeniedReason[];
  /**
   * When a corrected (7) or void (8) claim was sent after the determination.
   */
  resubmitted?: string | null;
}
/**
 * Denials of one category and payer.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "QueueGroup".
 */
export interface QueueGroup {
  /**
   * Their amount.
   */
  amount: Money;
  /**
   * The category.
   */
  category: DenialCategory;
  /**
   * Denials.
   */
  count: number;
  /**
   * The payer's key.
   */
  payer: string;
}
/**
 * The denial work queue.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DenialQueue".
 */
export interface DenialQueue {
  /**
   * The day deadlines are counted to.
   */
  asOf: string;
  /**
   * By category and payer, largest amount first.
   */
  groups: QueueGroup[];
  /**
   * What to work, in order: open deadlines (or unknown) by amount, largest first, then
   * by the nearest deadline; then the denials whose deadline passed.
   */
  items: DenialItem[];
  /**
   * Their total.
   */
  total: Money;
}
/**
 * A 271 read for one visit: the coverage, and when it is active the plan and accumulators
 * for the estimate and the adjudication.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibilityBenefits".
 */
export interface EligibilityBenefits {
  /**
   * What the patient (and family) has met, when the coverage is active.
   */
  accumulators?: Accumulators | null;
  /**
   * The coverage on the date of service.
   */
  coverage: CoverageStatus;
  /**
   * What stops the visit being billed to this plan (errors), and what the 271 did not
   * say (warnings). Never patient data.
   */
  findings: Finding[];
  /**
   * The payer (2100A name), when stated.
   */
  payer?: string | null;
  /**
   * The plan, when the coverage is active.
   */
  plan?: BenefitPlan | null;
}
/**
 * What the 271 is checked against: the visit's date and, when known, who the patient is.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibilityCheck".
 */
export interface EligibilityCheck {
  /**
   * The patient's date of birth.
   */
  birthDate?: string | null;
  /**
   * The date of service (the first, for a visit of several days).
   */
  dateOfService: string;
  /**
   * The patient's first name.
   */
  firstName?: string | null;
  /**
   * The patient's last name.
   */
  lastName?: string | null;
  /**
   * The member id on the patient's card (the subscriber's, for a dependent).
   */
  memberId?: string | null;
  /**
   * The practice's copy of the plan: its category rules, non-covered services, family
   * accumulation and sequestration, and the figures the 271 leaves out.
   */
  template?: BenefitPlan | null;
}
/**
 * A 270 eligibility inquiry about one patient (the subscriber, or a dependent).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibilityRequest".
 */
export interface EligibilityRequest {
  /**
   * DTP*291 the date (or dates) of service asked about; the payer assumes today without.
   */
  dateOfService?: DateOrRange | null;
  /**
   * 2100D the dependent, when the patient is not the subscriber.
   */
  dependent?: Individual | null;
  /**
   * 2100B the provider asking (NM1*1P), by NPI.
   */
  informationReceiver: RequestProvider;
  /**
   * 2100A the payer (NM1*PR, `PI` payer id).
   */
  informationSource: Organization;
  /**
   * 2100C NM109 member id.
   */
  memberId?: string | null;
  /**
   * BHT03 the submitter's reference for this inquiry.
   */
  reference: string;
  /**
   * EQ01 service type codes (`30` health benefit plan coverage…), at least one.
   */
  serviceTypes: string[];
  /**
   * 2100C the subscriber.
   */
  subscriber: Individual;
  /**
   * 2000C TRN02 the trace number the 271 echoes.
   */
  traceNumber: string;
  /**
   * 2000C TRN03: `1` followed by the provider's tax id, or `9` and another id.
   */
  traceOriginator: string;
}
/**
 * One EB loop (2110C/2110D).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Benefit".
 */
export interface Benefit {
  /**
   * EB07.
   */
  amount?: Money | null;
  /**
   * EB11 authorization or certification required.
   */
  authorizationRequired?: YesNo | null;
  /**
   * EB02.
   */
  coverageLevel?: CoverageLevel | null;
  /**
   * DTP segments of the loop.
   */
  dates: QualifiedDate[];
  /**
   * EB12 in plan network.
   */
  inPlanNetwork?: YesNo | null;
  /**
   * EB04 insurance type (`HM` HMO, `MA` Medicare Part A, `QM` qualified Medicare…).
   */
  insuranceType?: string | null;
  /**
   * EB01.
   */
  kind: BenefitKind;
  /**
   * MSG free-form texts.
   */
  messages: string[];
  /**
   * EB08, read as a rate: `0.2` is 20%.
   */
  percent?: Rate | null;
  /**
   * EB05 plan coverage description.
   */
  planDescription?: string | null;
  /**
   * Position of the EB segment in the file.
   */
  position: number;
  /**
   * EB13 procedure (components joined by `:`), when sent.
   */
  procedure?: string | null;
  /**
   * EB09/EB10.
   */
  quantity?: BenefitQuantity | null;
  /**
   * REF segments of the loop.
   */
  references: X12Reference[];
  /**
   * AAA segments of the loop.
   */
  rejections: Rejection[];
  /**
   * LS/LE loop 2120: entities named for this benefit (primary care provider, other payer).
   */
  relatedEntities: X12Party[];
  /**
   * EB03 service type codes (`30` health benefit plan coverage, `1` medical care, `33`
   * chiropractic, `98` professional visit – office…), repetitions split.
   */
  serviceTypes: string[];
  /**
   * EB06.
   */
  timePeriod?: TimePeriod | null;
}
/**
 * EB09/EB10.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "BenefitQuantity".
 */
export interface BenefitQuantity {
  /**
   * EB09 (`VS` visits, `DY` days, `P6` number of services…).
   */
  qualifier: string;
  /**
   * EB10.
   */
  value: string;
}
/**
 * One AAA segment: the request (or part of it) could not be answered.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Rejection".
 */
export interface Rejection {
  /**
   * AAA04.
   */
  followUp?: FollowUpAction | null;
  /**
   * Position of the AAA segment in the file.
   */
  position: number;
  /**
   * AAA03 reject reason (`15` required application data missing, `41` authorization
   * error, `42` unable to respond now, `43` invalid provider, `72` invalid member id, `75`
   * subscriber not found, `79` invalid participant id…).
   */
  reason?: string | null;
  /**
   * AAA01: `Y` the request was valid, `N` it was not.
   */
  validRequest?: boolean | null;
}
/**
 * A subscriber or dependent (2000C/2000D) and everything the 271 says about them.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibilityMember".
 */
export interface EligibilityMember {
  /**
   * EB loops.
   */
  benefits: Benefit[];
  /**
   * DTP segments (`291` plan, `346` plan begin, `347` plan end, `356` eligibility begin,
   * `357` eligibility end…).
   */
  dates: QualifiedDate[];
  /**
   * NM1, DMG, N3/N4.
   */
  person: X12Person;
  /**
   * REF segments (`18` plan number, `1L` group or policy number, `6P` group number…).
   */
  references: X12Reference[];
  /**
   * AAA segments at this level.
   */
  rejections: Rejection[];
  /**
   * INS02 relationship to the subscriber (`18` self, `01` spouse, `19` child…).
   */
  relationship?: string | null;
  /**
   * TRN segments.
   */
  traces: Trace[];
}
/**
 * A subscriber and their dependents.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibilitySubscriber".
 */
export interface EligibilitySubscriber {
  /**
   * Dependents (2000D).
   */
  dependents: EligibilityMember[];
  /**
   * The subscriber (2000C).
   */
  member: EligibilityMember;
}
/**
 * One 271 transaction set.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibilityResponse".
 */
export interface EligibilityResponse {
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Reading findings (positions, never data) and the file's envelope findings.
   */
  findings: Finding[];
  /**
   * 2100B information receivers (providers); usually one.
   */
  informationReceivers: X12Party[];
  /**
   * 2100A information sources (payers); usually one.
   */
  informationSources: X12Party[];
  /**
   * AAA at the information receiver level (2100B).
   */
  receiverRejections: Rejection[];
  /**
   * BHT03 the inquirer's reference, echoed.
   */
  reference?: string | null;
  /**
   * AAA at the information source level (2000A/2100A).
   */
  sourceRejections: Rejection[];
  /**
   * 2000C loops.
   */
  subscribers: EligibilitySubscriber[];
  /**
   * ST03, else GS08.
   */
  version: string;
}
/**
 * An estimate of the patient's cost.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Estimate".
 */
export interface Estimate {
  /**
   * What the plan could not apply as it seems to intend (warnings; paths into the request):
   * a service rule no code can reach, a service no category rule takes.
   */
  findings?: Finding[];
  /**
   * For uninsured or self-pay patients: the Good Faith Estimate.
   */
  goodFaithEstimate?: GoodFaithEstimate | null;
  /**
   * Per service.
   */
  lines: EstimateLine[];
  /**
   * Expected patient cost (with the given accumulators; when unknown, the highest).
   */
  patientCost: Money;
  /**
   * Highest patient cost the unknowns allow (nothing met yet).
   */
  patientCostHigh: Money;
  /**
   * Lowest patient cost the unknowns allow (deductible and out-of-pocket already met).
   */
  patientCostLow: Money;
  /**
   * What the plan is expected to pay.
   */
  planPays: Money;
  /**
   * Total allowed by the contract.
   */
  totalAllowed: Money;
  /**
   * Total of the providers' charges.
   */
  totalCharge: Money;
}
/**
 * The Good Faith Estimate an uninsured or self-pay patient must receive (No Surprises Act).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "GoodFaithEstimate".
 */
export interface GoodFaithEstimate {
  /**
   * The latest day it may reach the patient: 1 business day after scheduling when the
   * service is 3–9 business days away, 3 business days when 10 or more.
   */
  deliverBy: string;
  /**
   * A bill this much above the estimate, for any provider, may be disputed.
   */
  disputeThreshold: Money;
  /**
   * When it was issued.
   */
  issued: string;
  /**
   * Expected charges by provider and service.
   */
  items: GfeItem[];
  /**
   * The notice text the patient must be given.
   */
  notice: string[];
  /**
   * The total expected charges.
   */
  totalExpectedCharges: Money;
}
/**
 * One expected charge on a Good Faith Estimate.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "GfeItem".
 */
export interface GfeItem {
  /**
   * Planned date.
   */
  date: string;
  /**
   * Expected charge.
   */
  expectedCharge: Money;
  /**
   * Provider NPI, when named.
   */
  npi?: Npi | null;
  /**
   * Procedure.
   */
  procedure: ProcedureCode;
  /**
   * Provider or facility name (empty when the request named none).
   */
  provider: string;
}
/**
 * One service of an estimate.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EstimateLine".
 */
export interface EstimateLine {
  /**
   * Allowed.
   */
  allowed: Money;
  /**
   * Charge.
   */
  charge: Money;
  /**
   * Planned date.
   */
  date: string;
  /**
   * Expected patient cost.
   */
  patientCost: Money;
  /**
   * Procedure.
   */
  procedure: ProcedureCode;
}
/**
 * An estimate made with a 271, and what the 271 said.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EligibleEstimate".
 */
export interface EligibleEstimate {
  /**
   * The 271 read for the visit.
   */
  eligibility: EligibilityBenefits;
  /**
   * The estimate (its findings begin with the eligibility's).
   */
  estimate: Estimate;
}
/**
 * One coded service of an encounter.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EncounterService".
 */
export interface EncounterService {
  /**
   * 1-based pointers into the encounter's diagnoses.
   */
  diagnosisPointers: number[];
  /**
   * Drug given, for drug lines.
   */
  drug?: DrugQuantity | null;
  /**
   * Modifiers.
   */
  modifiers?: Modifier[];
  /**
   * Procedure code.
   */
  procedure: ProcedureCode;
  /**
   * Units or anesthesia minutes.
   */
  quantity: Quantity;
}
/**
 * A coded encounter: what the provider did and why.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Encounter".
 */
export interface Encounter {
  /**
   * Date of service.
   */
  date: string;
  /**
   * Diagnoses, principal first.
   */
  diagnoses: Icd10Cm[];
  /**
   * Encounter id; becomes the patient control number.
   */
  id: string;
  /**
   * Onset of the current illness, if recorded.
   */
  onset?: string | null;
  /**
   * The practice's patient id.
   */
  patientId: string;
  /**
   * Place of service.
   */
  placeOfService: PlaceOfService;
  /**
   * Prior authorization number, if the payer required one.
   */
  priorAuthorization?: string | null;
  /**
   * The practice's id of the referring provider, if any.
   */
  referringProviderId?: string | null;
  /**
   * The practice's id of the rendering provider.
   */
  renderingProviderId: string;
  /**
   * Services performed.
   */
  services: EncounterService[];
}
/**
 * A delimiter set, as characters (JSON-friendly form of [`Delimiters`]).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DelimiterSet".
 */
export interface DelimiterSet {
  /**
   * Component separator (ISA16).
   */
  component: string;
  /**
   * Element separator.
   */
  element: string;
  /**
   * Repetition separator (ISA11).
   */
  repetition: string;
  /**
   * Segment terminator.
   */
  segment: string;
}
/**
 * Who sends, who receives, and the control numbers: everything of an interchange the caller
 * decides. The writer computes the rest (counts, trailers, padding).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Envelope".
 */
export interface Envelope {
  /**
   * ISA14: ask the receiver for a TA1.
   */
  acknowledgmentRequested?: boolean;
  /**
   * GS03 application receiver code; ISA08 when absent.
   */
  applicationReceiver?: string | null;
  /**
   * GS02 application sender code; ISA06 when absent.
   */
  applicationSender?: string | null;
  /**
   * Creation date (ISA09, GS04); the library has no clock.
   */
  date: string;
  /**
   * The delimiters to write with; `* : ^ ~` when absent.
   */
  delimiters?: DelimiterSet | null;
  /**
   * GS06 of the first functional group; later groups count up from it.
   */
  groupControlNumber: number;
  /**
   * ISA13 interchange control number, 1–999999999.
   */
  interchangeControlNumber: number;
  /**
   * Put a line break after each segment terminator (easier to read; every reader accepts it).
   */
  lineBreaks?: boolean;
  /**
   * ISA08 receiver id (at most 15 characters).
   */
  receiverId: string;
  /**
   * ISA07 receiver id qualifier.
   */
  receiverQualifier?: string;
  /**
   * ISA06 sender id (at most 15 characters; padded by the writer).
   */
  senderId: string;
  /**
   * ISA05 interchange sender id qualifier, e.g. `ZZ` (mutually defined) or `30` (tax id).
   */
  senderQualifier?: string;
  /**
   * Creation time (ISA10, GS05), minutes precision.
   */
  time: string;
  /**
   * ISA15.
   */
  usage?: Usage & string;
}
/**
 * A provider or facility named on a Good Faith Estimate.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "GfeProvider".
 */
export interface GfeProvider {
  /**
   * Whether this is the facility (else a practitioner).
   */
  facility?: boolean;
  /**
   * Name.
   */
  name: string;
  /**
   * NPI.
   */
  npi: Npi;
  /**
   * Indexes of the services this provider furnishes.
   */
  services: number[];
  /**
   * Tax id.
   */
  taxId?: string | null;
}
/**
 * A service to price before it happens (an estimate's line).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlannedService".
 */
export interface PlannedService {
  /**
   * The provider's charge.
   */
  charge: Money;
  /**
   * Planned date.
   */
  date: string;
  /**
   * Modifiers.
   */
  modifiers?: Modifier[];
  /**
   * Place of service.
   */
  placeOfService: PlaceOfService;
  /**
   * Procedure code.
   */
  procedure: ProcedureCode;
  /**
   * Units or anesthesia minutes.
   */
  quantity: Quantity;
  /**
   * Rendering provider's taxonomy (non-physician practitioners are paid less).
   */
  renderingTaxonomy?: Taxonomy | null;
}
/**
 * A planned visit or procedure to estimate.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EstimateRequest".
 */
export interface EstimateRequest {
  /**
   * What the patient has met this plan year; none when unknown (the estimate is a range).
   */
  accumulators?: Accumulators | null;
  /**
   * The payer contract (for a self-pay patient, the practice's self-pay price list).
   */
  contract: Contract;
  /**
   * In or out of network.
   */
  network?: Network & string;
  /**
   * The patient's benefit plan; none for an uninsured or self-pay patient.
   */
  plan?: BenefitPlan | null;
  /**
   * Who provides the services, for a Good Faith Estimate.
   */
  providers?: GfeProvider[];
  /**
   * The services planned (provider's and facility's).
   */
  services: PlannedService[];
  /**
   * ZIP of the place of service (finds the Medicare locality when the contract has none).
   */
  zip?: string | null;
}
/**
 * One thing to fix.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Fix".
 */
export interface Fix {
  /**
   * The claim (patient control number), when the rejection names it.
   */
  claim?: string | null;
  /**
   * Whether correcting the claim's data and sending it again can cure it.
   */
  correctable: boolean;
  /**
   * The claim field, as a JSON pointer into the claim, when the rejection points at one.
   */
  path?: string | null;
  /**
   * How to send it again.
   */
  resend: string;
  /**
   * What was said, in words.
   */
  said: string[];
  /**
   * Where it came from (`277CA 0001`, `999 0001 set 0002`).
   */
  source: string;
}
/**
 * The last status a payer or clearinghouse gave.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LastStatus".
 */
export interface LastStatus {
  /**
   * Its date.
   */
  date: string;
  /**
   * What it says.
   */
  event: StatusEvent;
  /**
   * Its STC codes explained.
   */
  explained?: string[];
}
/**
 * A claim to follow up with a payer.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "FollowUpItem".
 */
export interface FollowUpItem {
  /**
   * What the payer owes on it.
   */
  amount: Money;
  /**
   * The claim (patient control number).
   */
  claim: string;
  /**
   * Days since.
   */
  days: number;
  /**
   * The day it became due for follow-up (sent + the payer's follow-up days).
   */
  due: string;
  /**
   * The last status recorded.
   */
  lastStatus?: LastStatus | null;
  /**
   * The patient account.
   */
  patient: string;
  /**
   * The payer's key.
   */
  payer: string;
  /**
   * The payer's claim number, when a status gave it.
   */
  payerClaimNumber?: string | null;
  /**
   * Where the payer stands.
   */
  rank: PayerRank;
  /**
   * When the claim was last sent to the payer.
   */
  sent: string;
}
/**
 * The follow-up queue.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "FollowUpQueue".
 */
export interface FollowUpQueue {
  /**
   * The day ages are counted to.
   */
  asOf: string;
  /**
   * Largest amount first, then the oldest.
   */
  items: FollowUpItem[];
  /**
   * Their total.
   */
  total: Money;
}
/**
 * What to report.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "KpiRequest".
 */
export interface KpiRequest {
  /**
   * The first posting date of the period.
   */
  from: string;
  /**
   * The days of charges that days in AR averages (90 unless given).
   */
  lookbackDays?: number;
  /**
   * The last posting date of the period; the books as of the end of this day.
   */
  to: string;
}
/**
 * The receivables in one aging bucket (by first date of service).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AgingAmount".
 */
export interface AgingAmount {
  /**
   * The receivables in it.
   */
  amount: Money;
  /**
   * The bucket.
   */
  bucket: AgingBucket;
}
/**
 * An amount ratio and its percentage.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AmountRate".
 */
export interface AmountRate {
  /**
   * The numerator.
   */
  amount: Money;
  /**
   * The denominator.
   */
  of: Money;
  /**
   * `amount ÷ of` as a percentage to two places; absent when `of` is not positive.
   */
  percent?: string;
}
/**
 * Denials of one group and CARC.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CarcDenials".
 */
export interface CarcDenials {
  /**
   * Their amount as reported.
   */
  amount: Money;
  /**
   * The CARC's category.
   */
  category: DenialCategory;
  /**
   * Group and CARC as the 835 wrote them (`CO-50`).
   */
  code: string;
  /**
   * Adjustments (a reversal takes one back).
   */
  count: number;
}
/**
 * Denials of one category.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CategoryDenials".
 */
export interface CategoryDenials {
  /**
   * Their amount as reported.
   */
  amount: Money;
  /**
   * The category.
   */
  category: DenialCategory;
  /**
   * Adjustments (a reversal takes one back).
   */
  count: number;
}
/**
 * A count ratio and its percentage.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CountRate".
 */
export interface CountRate {
  /**
   * The numerator.
   */
  count: number;
  /**
   * The denominator.
   */
  of: number;
  /**
   * `count ÷ of` as a percentage to two places; absent when `of` is zero.
   */
  percent?: string;
}
/**
 * One month's figures (by posting date) within the period.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "MonthFigures".
 */
export interface MonthFigures {
  /**
   * Charges posted.
   */
  charges: Money;
  /**
   * Collections posted.
   */
  collections: Money;
  /**
   * Contractual adjustments posted.
   */
  contractualAdjustments: Money;
  /**
   * Adjudications with a denial ÷ adjudications.
   */
  denialRate: CountRate;
  /**
   * `YYYY-MM`.
   */
  month: string;
  /**
   * Collections ÷ (charges − contractual adjustments).
   */
  netCollectionRate: AmountRate;
}
/**
 * One payer's average days to payment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerDays".
 */
export interface PayerDays {
  /**
   * Average days from first bill to payment, to tenths.
   */
  averageDays: string;
  /**
   * The payer's key.
   */
  payer: string;
  /**
   * First payments counted.
   */
  payments: number;
}
/**
 * The supervisor's numbers for a period.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Kpis".
 */
export interface Kpis {
  /**
   * Receivables by age.
   */
  aging: AgingAmount[];
  /**
   * Receivables of claims served more than 90 days before `to`, and their share.
   */
  arOver90: AmountRate;
  /**
   * Charges posted in the period.
   */
  charges: Money;
  /**
   * Claims seen.
   */
  claims: number;
  /**
   * Claims first billed in the period accepted on first submission.
   */
  cleanClaimRate: CountRate;
  /**
   * Payer and patient payments less refunds posted in the period.
   */
  collections: Money;
  /**
   * Contractual write-offs posted in the period.
   */
  contractualAdjustments: Money;
  /**
   * Receivables ÷ average daily charges over the look-back; absent without charges.
   */
  daysInAr?: string;
  /**
   * Average days to payment, by payer.
   */
  daysToPayment: PayerDays[];
  /**
   * Denied amounts ÷ charges of the claims adjudicated.
   */
  denialRateByAmount: AmountRate;
  /**
   * Adjudications with a denial ÷ adjudications.
   */
  denialRateByCount: CountRate;
  /**
   * Denials by group and CARC, largest amount first.
   */
  denialsByCarc: CarcDenials[];
  /**
   * Denials by category, largest amount first.
   */
  denialsByCategory: CategoryDenials[];
  /**
   * First adjudications by the primary payer without a denial.
   */
  firstPassRate: CountRate;
  /**
   * The period's first posting date.
   */
  from: string;
  /**
   * Collections ÷ charges.
   */
  grossCollectionRate: AmountRate;
  /**
   * Charges posted in the look-back window.
   */
  lookbackCharges: Money;
  /**
   * The look-back of days in AR.
   */
  lookbackDays: number;
  /**
   * The figures month by month.
   */
  months: MonthFigures[];
  /**
   * Collections ÷ (charges − contractual adjustments).
   */
  netCollectionRate: AmountRate;
  /**
   * The claims' balances on `to`.
   */
  receivables: Money;
  /**
   * Timely-filing write-offs posted in the period.
   */
  timelyFilingLosses: Money;
  /**
   * The period's last posting date (the books as of this day).
   */
  to: string;
}
/**
 * A charge.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Charge".
 */
export interface Charge {
  /**
   * When the claim was first billed.
   */
  billed: string;
}
/**
 * A deposit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Deposit".
 */
export interface Deposit {
  /**
   * The check or EFT trace number the bank shows (TRN02 of the remittance).
   */
  trace: string;
}
/**
 * A CAS adjustment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LedgerAdjustment".
 */
export interface LedgerAdjustment {
  /**
   * What posting did with it.
   */
  disposition: Disposition;
  /**
   * CAS01.
   */
  group: CodedGroupCode;
  /**
   * The CARC.
   */
  reason: CodedCarc;
  /**
   * Remark codes of the line (LQ*HE) or claim (MOA/MIA).
   */
  remarks?: CodedRarc[];
  /**
   * The amount the 835 gave (positive decreases the payment).
   */
  reported: Money;
}
/**
 * A transfer between parties.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Transfer".
 */
export interface Transfer {
  /**
   * The other side: where the amount went (on the negative entry) or came from (on the
   * positive one).
   */
  counterparty: LedgerParty;
  /**
   * Why.
   */
  why: TransferReason;
}
/**
 * A PR adjustment moved on.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientShare".
 */
export interface PatientShare {
  /**
   * The payer forwarded the claim to the next payer itself (CLP02 19, 20 or 21).
   */
  crossedOver?: boolean;
  /**
   * The CARC (1 deductible, 2 coinsurance, 3 copay, …).
   */
  reason: CodedCarc;
}
/**
 * A write-off by the practice.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "WriteOff".
 */
export interface WriteOff {
  /**
   * Why, in the practice's words (no patient data).
   */
  reason: string;
}
/**
 * A reversal.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Reversal".
 */
export interface Reversal {
  /**
   * Its kind, so the reversal counts where the entry counted.
   */
  of: EntryKind;
  /**
   * The entry undone.
   */
  reverses: EntryId;
}
/**
 * A PLB adjustment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LedgerProviderAdjustment".
 */
export interface LedgerProviderAdjustment {
  /**
   * The claim (patient control number) the reference names, when the books know it.
   */
  claim?: string | null;
  /**
   * PLB02, the end of the provider's fiscal period.
   */
  fiscalPeriodEnd?: string | null;
  /**
   * PLB03-1.
   */
  reason: string;
  /**
   * PLB03-2, when sent (often the payer's claim number).
   */
  reference?: string | null;
}
/**
 * What a posted remittance was, to recognize it when it comes again.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemittanceRecord".
 */
export interface RemittanceRecord {
  /**
   * Σ CLP03.
   */
  charge: Money;
  /**
   * How many claims (CLP) it held.
   */
  claims: number;
  /**
   * SHA-256 (hex) of each claim's CLP01, CLP02, CLP03, CLP04 and CLP07 in order: the same
   * totals over other claims are another remittance.
   */
  claimsDigest: string;
  /**
   * Σ CLP04.
   */
  paid: Money;
  /**
   * BPR16, the check or EFT date, when sent.
   */
  paymentDate?: string | null;
  /**
   * Σ PLB amounts.
   */
  providerAdjustments: Money;
  /**
   * TRN02.
   */
  trace: string;
}
/**
 * An unmatched remittance claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SuspenseItem".
 */
export interface SuspenseItem {
  /**
   * The claim's adjudication, without patient data, to post it when matched.
   */
  claim?: HeldClaim | null;
  /**
   * Why it could not be applied.
   */
  reason: SuspenseReason;
}
/**
 * An 835 claim as posting reads it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "HeldClaim".
 */
export interface HeldClaim {
  /**
   * Claim-level CAS.
   */
  adjustments?: HeldAdjustment[];
  /**
   * CLP03, when sent.
   */
  charge?: Money | null;
  /**
   * SVC loops.
   */
  lines?: HeldLine[];
  /**
   * CLP04, when sent.
   */
  paid?: Money | null;
  /**
   * CLP01.
   */
  patientControlNumber: string;
  /**
   * CLP07.
   */
  payerClaimNumber?: string | null;
  /**
   * MOA/MIA remark codes.
   */
  remarks?: CodedRarc[];
  /**
   * CLP02.
   */
  status: CodedClaimStatus;
}
/**
 * One CAS adjustment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "HeldAdjustment".
 */
export interface HeldAdjustment {
  /**
   * The amount (positive decreases the payment); absent when the 835 did not send a
   * readable one (the claim is then not postable).
   */
  amount?: Money | null;
  /**
   * CAS01.
   */
  group: CodedGroupCode;
  /**
   * The CARC.
   */
  reason: CodedCarc;
}
/**
 * One SVC loop.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "HeldLine".
 */
export interface HeldLine {
  /**
   * Line CAS.
   */
  adjustments?: HeldAdjustment[];
  /**
   * AMT*B6.
   */
  allowed?: Money | null;
  /**
   * SVC02, when sent.
   */
  charge?: Money | null;
  /**
   * REF*6R, the line item control number.
   */
  controlNumber?: string | null;
  /**
   * Its modifiers.
   */
  modifiers?: string[];
  /**
   * SVC03, when sent.
   */
  paid?: Money | null;
  /**
   * The procedure as billed: SVC06 when the payer changed it, else SVC01 (code, or
   * revenue code for `NU`).
   */
  procedure: string;
  /**
   * LQ*HE remark codes.
   */
  remarks?: CodedRarc[];
  /**
   * DTM*472 (or 150).
   */
  serviceDate?: string | null;
}
/**
 * A claim's status at one moment (an entry of kind `status`, amount zero).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusNote".
 */
export interface StatusNote {
  /**
   * The STC codes as sent (category, status, entity), for 277 and 277CA statuses.
   */
  codes?: StatusCode[];
  /**
   * What it says.
   */
  event: StatusEvent;
  /**
   * The payer's claim number, when the status carried it.
   */
  payerClaimNumber?: string | null;
}
/**
 * The 835 an entry came from, and its place in it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitSource".
 */
export interface RemitSource {
  /**
   * 0-based position of the CLP in the transaction set, for claim entries.
   */
  claim?: number | null;
  /**
   * The payer's key (TRN03, else N1*PR id, else name).
   */
  payer: string;
  /**
   * CLP07, the payer's claim control number, for claim entries.
   */
  payerClaimNumber?: string | null;
  /**
   * ST02.
   */
  set: string;
  /**
   * TRN02.
   */
  trace: string;
}
/**
 * One entry of the books: an amount put on one account for one party, for one reason, from
 * one source. Never changed once appended; a correction is a new entry (a reversal).
 *
 * `amount` is signed as a debit: positive increases what the account holds for the practice
 * (a charge, a refund paid out, cash announced by a payer, an amount a payer withheld),
 * negative decreases it or holds money for someone else (a payment, an adjustment, money in
 * suspense, interest income).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Entry".
 */
export interface Entry {
  /**
   * Where the amount is put.
   */
  account: Account;
  /**
   * The signed amount (see above).
   */
  amount: Money;
  /**
   * The date the money moved or the service was given (payment or check date, date of
   * service for a charge).
   */
  effective: string;
  /**
   * Its number in the books.
   */
  id: EntryId;
  /**
   * What happened.
   */
  kind: EntryKind;
  /**
   * Who is responsible for, or paid, the amount.
   */
  party: LedgerParty;
  /**
   * The date it was entered in the books. Never earlier than the entry before it.
   */
  posted: string;
  /**
   * Where it came from.
   */
  source: Source;
}
/**
 * The coverage facts of another payer that a remittance or a coordination does not carry.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OtherCoverage".
 */
export interface OtherCoverage {
  /**
   * 2320 SBR03.
   */
  groupNumber?: string | null;
  /**
   * 2320 SBR02.
   */
  relationship: string;
  /**
   * 2320 SBR01.
   */
  responsibility: PayerResponsibility;
  /**
   * 2330A member id.
   */
  subscriberMemberId: string;
  /**
   * 2330A NM1*IL name.
   */
  subscriberName: PersonName;
}
/**
 * "Code X requires …": the payer's own rule for one procedure code.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodeRequirement".
 */
export interface CodeRequirement {
  /**
   * The procedure code the rule is for.
   */
  procedure: ProcedureCode;
  /**
   * Why, in the payer's words (shown with the finding; no patient data).
   */
  reason?: string | null;
  /**
   * What a line with it needs.
   */
  requires: Requirement;
  /**
   * How serious a line without it is; an error when not given.
   */
  severity?: Severity | null;
}
/**
 * One payer's rules for the scrubber. Every field may be left out: the default pack
 * keeps every rule at its own severity with a filing limit of 365 days.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerRules".
 */
export interface PayerRules {
  /**
   * Days after the payer's determination (the remittance date) within which it accepts an
   * appeal. Without it, Medicare claims (filing indicator MA or MB) get the 120 days of a
   * redetermination and other payers no deadline (the queue says it is unknown).
   */
  appealDays?: number | null;
  /**
   * Rule ids turned off (e.g. `SCRUB-NDC-REQUIRED`).
   */
  disabled?: string[];
  /**
   * Days after the date of service within which the payer accepts a claim (timely
   * filing); 365 when not given.
   */
  filingLimitDays?: number | null;
  /**
   * Days after a claim is billed without an answer (835) before it is followed up with a
   * 276; 30 when not given.
   */
  followUpDays?: number | null;
  /**
   * A name for people (e.g. "Acme Health commercial").
   */
  name?: string | null;
  /**
   * The payer ids (NM109 of 2010BB) the pack is for; empty for every payer. A claim to
   * another payer is scrubbed with the default pack.
   */
  payerIds?: string[];
  /**
   * The payer's own code rules.
   */
  requirements?: CodeRequirement[];
  /**
   * Rule ids whose severity the payer changes.
   */
  severities?: {
    [k: string]: Severity | undefined;
  };
}
/**
 * A patient's payment to allocate.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PaymentAllocationRequest".
 */
export interface PaymentAllocationRequest {
  /**
   * How much (positive).
   */
  amount: Money;
  /**
   * The check number, when paid by check.
   */
  check?: string | null;
  /**
   * The patient account id.
   */
  patient: string;
  /**
   * When it is entered in the books: what the patient owes is read as of this day.
   */
  posted: string;
  /**
   * When it was received.
   */
  received: string;
  /**
   * Where it goes (default: the oldest visits first).
   */
  target?: AllocationTarget & string;
}
/**
 * A patient's payment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientPaymentRequest".
 */
export interface PatientPaymentRequest {
  /**
   * How much (positive).
   */
  amount: Money;
  /**
   * The check number, when paid by check.
   */
  check?: string | null;
  /**
   * The claim (patient control number) it pays, when the patient said; else the money is
   * kept on the patient account, unapplied.
   */
  claim?: string | null;
  /**
   * The patient account id.
   */
  patient: string;
  /**
   * When it is entered in the books.
   */
  posted: string;
  /**
   * When it was received.
   */
  received: string;
}
/**
 * A payment allocated.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Allocation".
 */
export interface Allocation {
  /**
   * What goes to visits.
   */
  applied: Money;
  /**
   * The ledger requests, in order: one per visit paid, then one for what is left (no
   * claim: it stays on the patient account).
   */
  requests: PatientPaymentRequest[];
  /**
   * What stays on the patient account as a credit.
   */
  unapplied: Money;
}
/**
 * One installment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Installment".
 */
export interface Installment {
  /**
   * Its amount.
   */
  amount: Money;
  /**
   * Its due date.
   */
  due: string;
  /**
   * 1-based.
   */
  number: number;
}
/**
 * A payment plan.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PaymentPlan".
 */
export interface PaymentPlan {
  /**
   * The balance it pays.
   */
  balance: Money;
  /**
   * Missed installments that put it in default.
   */
  defaultAfterMissed: number;
  /**
   * How often an installment is due.
   */
  every: PlanFrequency;
  /**
   * Days of grace after each due date.
   */
  graceDays: number;
  /**
   * The installments, in due order; they add up to `balance`.
   */
  installments: Installment[];
  /**
   * The day it was made.
   */
  opened: string;
}
/**
 * What a plan is made of.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlanRequest".
 */
export interface PlanRequest {
  /**
   * The balance to pay (positive, whole cents).
   */
  balance: Money;
  /**
   * The plan is in default once this many installments are missed (default 2).
   */
  defaultAfterMissed?: number;
  /**
   * How often.
   */
  every: PlanFrequency;
  /**
   * The first installment's due date (not before `opened`).
   */
  first: string;
  /**
   * Days after a due date an installment may still be paid without being missed
   * (default 0).
   */
  graceDays?: number;
  /**
   * The day the plan is made: the patient's payments from this day on pay it.
   */
  opened: string;
  /**
   * How to split it.
   */
  terms: PlanTerms;
}
/**
 * One installment and where it stands.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "InstallmentStanding".
 */
export interface InstallmentStanding {
  /**
   * Its amount.
   */
  amount: Money;
  /**
   * Its due date.
   */
  due: string;
  /**
   * 1-based.
   */
  number: number;
  /**
   * How much of it the payments cover.
   */
  paid: Money;
  /**
   * The day the payments covered it, when they do.
   */
  paidOn?: string | null;
  /**
   * Where it stands.
   */
  state: InstallmentState;
}
/**
 * Where a plan stands on a date.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PlanStanding".
 */
export interface PlanStanding {
  /**
   * The day asked about.
   */
  asOf: string;
  /**
   * True once the payments cover every installment.
   */
  completed: boolean;
  /**
   * True while the plan is in default.
   */
  defaulted: boolean;
  /**
   * The day it went into default, while it is.
   */
  defaultedOn?: string | null;
  /**
   * Each installment.
   */
  installments: InstallmentStanding[];
  /**
   * How many installments are missed.
   */
  missed: number;
  /**
   * What the payments counted add up to (from the day the plan was opened to `asOf`).
   */
  paid: Money;
  /**
   * What is left of the plan's balance (zero once paid in full).
   */
  remaining: Money;
}
/**
 * What each group code does with an adjustment (PR always moves to the next responsible
 * party). Defaults: CO written off (RULES.md §4: the patient is not liable), PI written off
 * (a payer-initiated reduction, not the patient's), OA stays with the payer (OA-23, the
 * prior payer's impact, is already on the books; an OA denial is worked, not written off).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "GroupDispositions".
 */
export interface GroupDispositions {
  /**
   * CO.
   */
  contractual?: Disposition & string;
  /**
   * OA.
   */
  other?: Disposition & string;
  /**
   * PI.
   */
  payerInitiated?: Disposition & string;
}
/**
 * How to post.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PostOptions".
 */
export interface PostOptions {
  /**
   * What CO, PI and OA adjustments do.
   */
  dispositions?: GroupDispositions;
  /**
   * The date the entries are entered in the books.
   */
  posted: string;
  /**
   * A paid line whose allowed amount is below the contract's by more than this is an
   * underpayment (default 0.00: any shortfall).
   */
  tolerance?: Money;
}
/**
 * One 835 claim's result.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimResult".
 */
export interface ClaimResult {
  /**
   * 0-based position of the CLP in the transaction set.
   */
  index: number;
  /**
   * What became of it.
   */
  outcome: ClaimOutcome;
  /**
   * CLP01.
   */
  patientControlNumber: string;
  /**
   * CLP07.
   */
  payerClaimNumber?: string | null;
}
/**
 * How a remittance's payment stands against the deposits of its trace number.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DepositMatch".
 */
export interface DepositMatch {
  /**
   * What was deposited under the trace number.
   */
  deposited: Money;
  /**
   * The payer's key.
   */
  payer: string;
  /**
   * What the remittance paid (BPR02; negative for a debit).
   */
  remitted: Money;
  /**
   * How they compare.
   */
  status: DepositStatus;
  /**
   * The trace number (TRN02).
   */
  trace: string;
}
/**
 * A whole 835 posted.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Posting".
 */
export interface Posting {
  /**
   * True when the 835 had been posted before: nothing was done.
   */
  alreadyPosted: boolean;
  /**
   * What became of each claim.
   */
  claims: ClaimResult[];
  /**
   * The payment against its deposits.
   */
  deposit: DepositMatch;
  /**
   * The new entries, in order.
   */
  entries: Entry[];
  /**
   * Findings.
   */
  findings: Finding[];
  /**
   * The claims sent on to their next payer, ready to send.
   */
  secondaryClaims: ChargedClaim[];
  /**
   * Paid lines below the contract.
   */
  underpayments: Underpayment[];
}
/**
 * A paid line the payer allowed less for than the contract.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Underpayment".
 */
export interface Underpayment {
  /**
   * The payer's allowed amount (AMT*B6, else paid + patient share).
   */
  allowed: Money;
  /**
   * The claim's patient control number.
   */
  claim: string;
  /**
   * The contract's allowed amount (medbill's pricing when the claim was charged).
   */
  expected: Money;
  /**
   * 0-based claim line.
   */
  line: number;
  /**
   * What the payer paid on the line.
   */
  paid: Money;
  /**
   * `expected − allowed`.
   */
  variance: Money;
}
/**
 * A remittance posted into a host's entries: the posting (its new entries to append, what
 * became of each claim, the claims sent on, underpayments, the deposit, findings) and the
 * balances after it: the books' totals, and the claims and patient accounts it touched.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PostResponse".
 */
export interface PostResponse {
  /**
   * The balances after it (every entry, old and new).
   */
  balances: Balances;
  /**
   * The posting.
   */
  posting: Posting;
}
/**
 * The practice's charge for one unit (or one anesthesia minute) of a procedure.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ChargeMasterEntry".
 */
export interface ChargeMasterEntry {
  /**
   * Procedure code.
   */
  procedure: ProcedureCode;
  /**
   * Charge per unit, or per minute for anesthesia.
   */
  unitCharge: Money;
}
/**
 * A patient's coverage with one payer.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Coverage".
 */
export interface Coverage {
  /**
   * The patient, when not the subscriber.
   */
  patient?: Patient | null;
  /**
   * The practice's payer id.
   */
  payerId: string;
  /**
   * The insured.
   */
  subscriber: Subscriber;
}
/**
 * A patient and the coverage billed first.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientRecord".
 */
export interface PatientRecord {
  /**
   * Primary coverage.
   */
  coverage: Coverage;
  /**
   * The practice's patient id (a medical record number).
   */
  id: string;
}
/**
 * A payer the practice bills.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PracticePayer".
 */
export interface PracticePayer {
  /**
   * The practice's id for this payer.
   */
  id: string;
  /**
   * The payer.
   */
  payer: Payer;
}
/**
 * A provider known to the practice.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PracticeProvider".
 */
export interface PracticeProvider {
  /**
   * The practice's id for this provider.
   */
  id: string;
  /**
   * The provider.
   */
  provider: Provider;
}
/**
 * What a practice knows that every claim needs: who bills, who treats, whom to bill, what
 * it charges.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Practice".
 */
export interface Practice {
  /**
   * The billing provider (group or solo practitioner).
   */
  billingProvider: Provider;
  /**
   * The practice's charges per procedure.
   */
  chargeMaster: ChargeMasterEntry[];
  /**
   * The CLIA number of the practice's laboratory, sent (REF*X4) on claims with
   * laboratory services.
   */
  cliaNumber?: string | null;
  /**
   * Patients with their coverage.
   */
  patients: PatientRecord[];
  /**
   * Payers, by the practice's own id.
   */
  payers: PracticePayer[];
  /**
   * Rendering and referring providers, by the practice's own id.
   */
  providers: PracticeProvider[];
}
/**
 * What a caller of [`price`] may relax, and whether traces are kept. The default checks
 * everything and keeps the traces.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PriceOptions".
 */
export interface PriceOptions {
  /**
   * Price under a contract whose payer is not the claim's payer; by default that is
   * refused ([`PricingError::PayerMismatch`]).
   */
  anyPayer?: boolean;
  /**
   * Keep each line's trace (the default). Without it the result is smaller and faster to
   * hand across a binding, and cannot be replayed.
   */
  trace?: boolean;
  /**
   * Price the claim even when its validation ([`crate::Claim::validate`]) finds errors;
   * by default such a claim is refused ([`PricingError::InvalidClaim`]).
   */
  unchecked?: boolean;
}
/**
 * A core error as data, for results that report several outcomes at once (a batch): the
 * stable [`ErrorCode::code`] and the error's message, which holds no patient data.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Refusal".
 */
export interface Refusal {
  /**
   * The stable error code, e.g. `PRICING_CLAIM_INVALID`.
   */
  code: string;
  /**
   * What went wrong, as the error says it.
   */
  message: string;
}
/**
 * How to print.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PrintOptions".
 */
export interface PrintOptions {
  /**
   * Print even when the claim has validation errors (a draft to look at).
   */
  allowInvalid?: boolean;
  /**
   * The UB-04's creation date (FL 45, line 23); left blank when absent.
   */
  creationDate?: string | null;
  /**
   * Whole form or data only.
   */
  mode?: PrintMode & string;
}
/**
 * A PER contact.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Contact".
 */
export interface Contact {
  /**
   * PER01: `CX` business, `BL` technical, `IC` web site.
   */
  function: string;
  /**
   * PER02.
   */
  name?: string | null;
  /**
   * (qualifier, value) pairs (PER03–08): `TE` phone, `EM` email, `UR` web, `FX` fax,
   * `EX` extension.
   */
  numbers?: Reference[];
}
/**
 * A qualified reference (REF): qualifier and value, as sent.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Reference".
 */
export interface Reference {
  /**
   * REF01, e.g. `1K` payer claim number, `EA` medical record, `LU` location.
   */
  qualifier: string;
  /**
   * REF02.
   */
  value: string;
}
/**
 * MIA: inpatient adjudication information (all 24 elements).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "InpatientAdjudication".
 */
export interface InpatientAdjudication {
  /**
   * MIA15 cost report day count.
   */
  costReportDays?: string;
  /**
   * MIA01 covered days or visits (required: `null` when missing or unreadable, with an error finding).
   */
  coveredDays: string;
  /**
   * MIA06 claim disproportionate share amount.
   */
  disproportionateShare?: Money | null;
  /**
   * MIA04 claim DRG amount.
   */
  drgAmount?: Money | null;
  /**
   * MIA18 claim indirect teaching amount.
   */
  indirectTeaching?: Money | null;
  /**
   * MIA03 lifetime psychiatric days.
   */
  lifetimePsychiatricDays?: string;
  /**
   * MIA07 claim MSP pass-through amount.
   */
  mspPassThrough?: Money | null;
  /**
   * MIA19 nonpayable professional component amount.
   */
  nonpayableProfessionalComponent?: Money | null;
  /**
   * MIA12 old capital amount.
   */
  oldCapital?: Money | null;
  /**
   * MIA08 claim PPS capital amount.
   */
  ppsCapital?: Money | null;
  /**
   * MIA11 PPS-capital DSH DRG amount.
   */
  ppsCapitalDshDrg?: Money | null;
  /**
   * MIA24 PPS-capital exception amount.
   */
  ppsCapitalException?: Money | null;
  /**
   * MIA09 PPS-capital FSP DRG amount.
   */
  ppsCapitalFspDrg?: Money | null;
  /**
   * MIA10 PPS-capital HSP DRG amount.
   */
  ppsCapitalHspDrg?: Money | null;
  /**
   * MIA13 PPS-capital IME amount.
   */
  ppsCapitalIme?: Money | null;
  /**
   * MIA17 claim PPS capital outlier amount.
   */
  ppsCapitalOutlier?: Money | null;
  /**
   * MIA16 PPS-operating federal specific DRG amount.
   */
  ppsOperatingFederalSpecificDrg?: Money | null;
  /**
   * MIA14 PPS-operating hospital specific DRG amount.
   */
  ppsOperatingHospitalSpecificDrg?: Money | null;
  /**
   * MIA02 PPS operating outlier amount.
   */
  ppsOperatingOutlier?: Money | null;
  /**
   * Remark codes: MIA05, then MIA20–23.
   */
  remarks?: CodedRarc[];
}
/**
 * MOA: outpatient adjudication information (all 9 elements).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "OutpatientAdjudication".
 */
export interface OutpatientAdjudication {
  /**
   * MOA08 claim ESRD payment amount.
   */
  esrdPayment?: Money | null;
  /**
   * MOA02 claim HCPCS payable amount.
   */
  hcpcsPayable?: Money | null;
  /**
   * MOA09 nonpayable professional component amount.
   */
  nonpayableProfessionalComponent?: Money | null;
  /**
   * MOA01 reimbursement rate (a percentage as a decimal).
   */
  reimbursementRate?: string;
  /**
   * Remark codes: MOA03–07.
   */
  remarks?: CodedRarc[];
}
/**
 * A qualified amount (AMT): `AU` coverage, `B6` allowed, `D8` discount, `I` interest, ….
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "QualifiedAmount".
 */
export interface QualifiedAmount {
  /**
   * AMT02 (informational: not part of balancing); `null` when missing or unreadable.
   */
  amount?: Money | null;
  /**
   * AMT01.
   */
  qualifier: string;
}
/**
 * One claim adjustment (a CAS triple).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitAdjustment".
 */
export interface RemitAdjustment {
  /**
   * Amount: positive decreases the payment; `null` when missing or unreadable (with an
   * error finding).
   */
  amount?: Money | null;
  /**
   * CAS01 group code.
   */
  group: CodedGroupCode;
  /**
   * Quantity, when sent.
   */
  quantity?: string;
  /**
   * Reason code (CARC).
   */
  reason: CodedCarc;
  /**
   * Whether the sender began a CAS segment of its own with this adjustment although the
   * one before has the same group and room was left in its segment (the writer then does
   * likewise, so the file is written back as sent). Otherwise adjustments of one group
   * share a segment, six at most.
   */
  separate?: boolean;
}
/**
 * One adjudicated claim (CLP loop).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitClaim".
 */
export interface RemitClaim {
  /**
   * Claim-level CAS.
   */
  adjustments?: RemitAdjustment[];
  /**
   * Claim-level AMT (`AU` coverage amount, `I` interest, `F5` patient paid, …).
   */
  amounts?: QualifiedAmount[];
  /**
   * CLP03 charge; `null` when missing or unreadable (with an error finding).
   */
  charge?: Money | null;
  /**
   * PER*CX claim contacts.
   */
  contacts?: Contact[];
  /**
   * NM1*74 the patient's or insured's name and id as the payer corrected them.
   */
  correctedPatient?: RemitName | null;
  /**
   * NM1*PR the payer the claim should have gone to first (corrected priority payer).
   */
  correctedPriorityPayer?: RemitName | null;
  /**
   * DTM*036 coverage expiration date.
   */
  coverageExpiration?: string | null;
  /**
   * NM1*TT the crossover carrier the claim was forwarded to.
   */
  crossoverCarrier?: RemitName | null;
  /**
   * CLP13 discharge fraction (a percentage as a decimal).
   */
  dischargeFraction?: string;
  /**
   * CLP11 diagnosis related group (DRG) code.
   */
  drgCode?: string | null;
  /**
   * CLP12 DRG weight.
   */
  drgWeight?: string;
  /**
   * CLP08 facility type (place of service or bill type digits).
   */
  facilityCode?: string | null;
  /**
   * CLP06 claim filing indicator (`MB`, `MC`, `12`, …).
   */
  filingIndicator?: string | null;
  /**
   * CLP09 claim frequency.
   */
  frequency?: string | null;
  /**
   * MIA inpatient adjudication.
   */
  inpatient?: InpatientAdjudication | null;
  /**
   * NM1*IL the insured (subscriber), when not the patient.
   */
  insured?: RemitName | null;
  /**
   * SVC loops.
   */
  lines?: RemitLine[];
  /**
   * Claim DTMs with a qualifier the guide does not list (a warning says so).
   */
  otherDates?: RemitQualifiedDate[];
  /**
   * NM1*GB the other subscriber.
   */
  otherSubscriber?: RemitName | null;
  /**
   * MOA outpatient adjudication.
   */
  outpatient?: OutpatientAdjudication | null;
  /**
   * CLP04 payment; `null` when missing or unreadable (with an error finding).
   */
  paid?: Money | null;
  /**
   * NM1*QC the patient.
   */
  patient?: RemitName | null;
  /**
   * CLP01 the provider's patient control number.
   */
  patientControlNumber: string;
  /**
   * CLP05 patient responsibility.
   */
  patientResponsibility?: Money | null;
  /**
   * CLP07 the payer's claim control number.
   */
  payerClaimNumber?: string | null;
  /**
   * Claim-level QTY (`CA` covered days, `LA` lifetime reserve days, …).
   */
  quantities?: RemitQualifiedQuantity[];
  /**
   * DTM*050 date the payer received the claim.
   */
  received?: string | null;
  /**
   * Claim-level REF (other claim ids, rendering provider ids), in order.
   */
  references?: Reference[];
  /**
   * NM1*82 the rendering (service) provider.
   */
  serviceProvider?: RemitName | null;
  /**
   * DTM*232 statement period start.
   */
  statementFrom?: string | null;
  /**
   * DTM*233 statement period end.
   */
  statementThrough?: string | null;
  /**
   * CLP02 status.
   */
  status: CodedClaimStatus;
}
/**
 * A name of the claim loop (NM1): a person or an organization, with its id. Every element
 * as sent; which entity it is (patient, insured, provider…) is the field holding it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitName".
 */
export interface RemitName {
  /**
   * NM102: `1` person, `2` non-person entity.
   */
  entityType: string;
  /**
   * NM104 first name.
   */
  first?: string | null;
  /**
   * NM109.
   */
  id?: string | null;
  /**
   * NM108 what kind of id NM109 is (`MI` member id, `XX` NPI, `FI` tax id, …).
   */
  idQualifier?: string | null;
  /**
   * NM105 middle name or initial.
   */
  middle?: string | null;
  /**
   * NM103 last or organization name.
   */
  name?: string | null;
  /**
   * NM107 suffix.
   */
  suffix?: string | null;
}
/**
 * One adjudicated service line (SVC loop).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitLine".
 */
export interface RemitLine {
  /**
   * Line-level CAS.
   */
  adjustments?: RemitAdjustment[];
  /**
   * AMT*B6 allowed amount (informational, not part of balancing).
   */
  allowed?: Money | null;
  /**
   * Other line AMTs.
   */
  amounts?: QualifiedAmount[];
  /**
   * SVC02 charge; `null` when missing or unreadable (with an error finding).
   */
  charge?: Money | null;
  /**
   * REF*6R the provider's line item control number.
   */
  controlNumber?: string | null;
  /**
   * Line DTMs with a qualifier the guide does not list (a warning says so).
   */
  otherDates?: RemitQualifiedDate[];
  /**
   * SVC03 payment; `null` when missing or unreadable (with an error finding).
   */
  paid?: Money | null;
  /**
   * DTM*151 the last day of a span of service.
   */
  periodEnd?: string | null;
  /**
   * DTM*150 the first day of a span of service.
   */
  periodStart?: string | null;
  /**
   * SVC01 procedure as adjudicated.
   */
  procedure: ServiceProcedure;
  /**
   * Line QTYs.
   */
  quantities?: RemitQualifiedQuantity[];
  /**
   * Other line REFs (service ids, rendering provider ids, policy ids), in order.
   */
  references?: Reference[];
  /**
   * LQ*RX NCPDP reject reason codes, as sent.
   */
  rejectReasons?: string[];
  /**
   * LQ*HE remark codes.
   */
  remarks?: CodedRarc[];
  /**
   * SVC04 revenue code (institutional).
   */
  revenueCode?: string | null;
  /**
   * DTM*472 the date of service.
   */
  serviceDate?: string | null;
  /**
   * SVC06 procedure as submitted, when the payer changed it.
   */
  submittedProcedure?: ServiceProcedure | null;
  /**
   * SVC05 units paid.
   */
  unitsPaid?: string;
  /**
   * SVC07 units submitted, when they differ.
   */
  unitsSubmitted?: string;
}
/**
 * A date with its DTM01 qualifier.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitQualifiedDate".
 */
export interface RemitQualifiedDate {
  /**
   * DTM02.
   */
  date: string;
  /**
   * DTM01.
   */
  qualifier: string;
}
/**
 * A procedure as an 835 names it (SVC01 or SVC06): qualifier (`HC` HCPCS/CPT, `NU`
 * revenue, `N4` NDC, `AD`, `ER`, `IV`, …), code, modifiers and description, as sent.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ServiceProcedure".
 */
export interface ServiceProcedure {
  /**
   * The code.
   */
  code: string;
  /**
   * The procedure's description (SVC01-7), when sent.
   */
  description?: string | null;
  /**
   * Modifiers, up to four, in their positions (an empty one keeps its place).
   */
  modifiers?: string[];
  /**
   * Product/service id qualifier.
   */
  qualifier: string;
}
/**
 * A qualified quantity (QTY): `CA` covered days, `LA` lifetime reserve, `ZK`…, ….
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitQualifiedQuantity".
 */
export interface RemitQualifiedQuantity {
  /**
   * QTY01.
   */
  qualifier: string;
  /**
   * QTY02; `null` when missing or unreadable.
   */
  quantity: string;
}
/**
 * The prior payer's remittance of a claim, line by line, as its 835 states it (the SVC
 * loops, in the claim's line order): what [`coordinate_remittance`] works from.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemittedClaim".
 */
export interface RemittedClaim {
  /**
   * Claim-level adjustments (CLP-level CAS); coordination refuses any, as they cannot be
   * put on a line.
   */
  adjustments?: Adjustment[];
  /**
   * The service lines, line `i` paying the claim's line `i`.
   */
  lines: RemittedLine[];
}
/**
 * One service line of a prior payer's remittance.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemittedLine".
 */
export interface RemittedLine {
  /**
   * The line's adjustments (CAS): charge = paid + their sum.
   */
  adjustments?: Adjustment[];
  /**
   * The payer's allowed amount (AMT*B6), when the remittance states it.
   */
  allowed?: Money | null;
  /**
   * Charge (SVC02).
   */
  charge: Money;
  /**
   * Payment (SVC03).
   */
  paid: Money;
}
/**
 * A bank and account of BPR: qualifier and id of the depository financial institution, and
 * the account qualifier and number, each as sent.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "BankAccount".
 */
export interface BankAccount {
  /**
   * BPR09 / BPR15.
   */
  accountNumber?: string | null;
  /**
   * BPR08 / BPR14: `DA` demand deposit, `SG` savings.
   */
  accountQualifier?: string | null;
  /**
   * BPR07 / BPR13.
   */
  bankId?: string | null;
  /**
   * BPR06 / BPR12: `01` ABA transit routing number, `04` Canadian bank branch.
   */
  bankQualifier?: string | null;
}
/**
 * One LX group: the claims from `first_claim` up to the next group's.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimGroup".
 */
export interface ClaimGroup {
  /**
   * Index of the group's first claim in the remittance's claims (the number of claims
   * before the group).
   */
  firstClaim: number;
  /**
   * LX01 the header number, as sent.
   */
  number: string;
  /**
   * TS3 provider summary information.
   */
  providerSummary?: ProviderSummary | null;
  /**
   * TS2 provider supplemental summary information.
   */
  supplementalSummary?: SupplementalSummary | null;
}
/**
 * TS3: provider summary information (every element the guide uses).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderSummary".
 */
export interface ProviderSummary {
  /**
   * TS304 total claim count (required: `null` when missing or unreadable).
   */
  claimCount: string;
  /**
   * TS302 facility type code.
   */
  facilityCode: string;
  /**
   * TS303 the last day of the provider's fiscal period (required: absent with an error finding when missing or unreadable).
   */
  fiscalPeriodEnd?: string | null;
  /**
   * TS318 total HCPCS payable amount.
   */
  hcpcsPayable?: Money | null;
  /**
   * TS317 total HCPCS reported charge amount.
   */
  hcpcsReportedCharge?: Money | null;
  /**
   * TS321 total MSP patient liability met amount.
   */
  mspPatientLiabilityMet?: Money | null;
  /**
   * TS313 total MSP payer amount.
   */
  mspPayer?: Money | null;
  /**
   * TS315 total non-lab charge amount.
   */
  nonLabCharge?: Money | null;
  /**
   * TS322 total patient reimbursement amount.
   */
  patientReimbursement?: Money | null;
  /**
   * TS324 total PIP adjustment amount.
   */
  pipAdjustment?: Money | null;
  /**
   * TS323 total PIP claim count.
   */
  pipClaimCount?: string;
  /**
   * TS320 total professional component amount.
   */
  professionalComponent?: Money | null;
  /**
   * TS301 provider identifier.
   */
  provider: string;
  /**
   * TS305 total claim charge amount (required: `null` when missing or unreadable).
   */
  totalCharge?: Money | null;
}
/**
 * TS2: provider supplemental summary information (all 19 elements).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SupplementalSummary".
 */
export interface SupplementalSummary {
  /**
   * TS210 average DRG length of stay.
   */
  averageDrgLengthOfStay?: string;
  /**
   * TS216 average DRG weight.
   */
  averageDrgWeight?: string;
  /**
   * TS205 total capital amount.
   */
  capital?: Money | null;
  /**
   * TS209 total cost outlier amount.
   */
  costOutlier?: Money | null;
  /**
   * TS212 total cost report day count.
   */
  costReportDays?: string;
  /**
   * TS213 total covered day count.
   */
  coveredDays?: string;
  /**
   * TS208 total day outlier amount.
   */
  dayOutlier?: Money | null;
  /**
   * TS211 total discharge count.
   */
  discharges?: string;
  /**
   * TS204 total disproportionate share amount.
   */
  disproportionateShare?: Money | null;
  /**
   * TS201 total DRG amount.
   */
  drg?: Money | null;
  /**
   * TS202 total federal specific amount.
   */
  federalSpecific?: Money | null;
  /**
   * TS203 total hospital specific amount.
   */
  hospitalSpecific?: Money | null;
  /**
   * TS206 total indirect medical education amount.
   */
  indirectMedicalEducation?: Money | null;
  /**
   * TS215 total MSP pass-through amount.
   */
  mspPassThrough?: Money | null;
  /**
   * TS214 total noncovered day count.
   */
  noncoveredDays?: string;
  /**
   * TS207 total outlier day count.
   */
  outlierDays?: string;
  /**
   * TS217 total PPS capital FSP DRG amount.
   */
  ppsCapitalFspDrg?: Money | null;
  /**
   * TS218 total PPS capital HSP DRG amount.
   */
  ppsCapitalHspDrg?: Money | null;
  /**
   * TS219 total PPS DSH DRG amount.
   */
  ppsDshDrg?: Money | null;
}
/**
 * CUR: who states the currency (CUR01, `PR` the payer) and the currency code (CUR02).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Currency".
 */
export interface Currency {
  /**
   * CUR02, e.g. `CAD`.
   */
  code: string;
  /**
   * CUR01.
   */
  entity: string;
}
/**
 * RDM: how the payee receives the remittance when not with the payment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DeliveryMethod".
 */
export interface DeliveryMethod {
  /**
   * RDM03 the address (e-mail, URL, …).
   */
  communicationNumber?: string | null;
  /**
   * RDM02 the recipient's name.
   */
  name?: string | null;
  /**
   * RDM01: `BM` by mail, `EM` e-mail, `FT` file transfer, `OL` on-line.
   */
  transmission: string;
}
/**
 * A payer or payee (loop 1000A or 1000B).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Party".
 */
export interface Party {
  /**
   * N3 and N4.
   */
  address?: PartyAddress | null;
  /**
   * PER contacts (payer business and technical contacts, web site).
   */
  contacts?: Contact[];
  /**
   * RDM: how the payee receives the remittance.
   */
  delivery?: DeliveryMethod | null;
  /**
   * N104, when sent.
   */
  id?: string | null;
  /**
   * N103: what kind of id N104 is (`XX` NPI, `FI` tax id, `XV` CMS plan id, …).
   */
  idQualifier?: string | null;
  /**
   * N102.
   */
  name: string;
  /**
   * REF segments of the party loop (additional payer or payee ids).
   */
  references?: Reference[];
}
/**
 * A party's address: the street lines (N3) and the place (N4), each element as sent.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PartyAddress".
 */
export interface PartyAddress {
  /**
   * N401 city.
   */
  city?: string | null;
  /**
   * N404 country code (outside the United States).
   */
  country?: string | null;
  /**
   * N407 country subdivision code.
   */
  countrySubdivision?: string | null;
  /**
   * N301 and N302; none when no N3 was sent.
   */
  lines?: string[];
  /**
   * N403 postal code.
   */
  postalCode?: string | null;
  /**
   * N402 state or province.
   */
  state?: string | null;
}
/**
 * The payment (BPR), its trace (TRN), currency (CUR), header references and production
 * date. Bank account numbers here are the payer's and the payee's (no patient data).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Payment".
 */
export interface Payment {
  /**
   * BPR02 total payment; `null` when missing or unreadable (with an error finding).
   */
  amount?: Money | null;
  /**
   * BPR03 C (credit) or D (debit).
   */
  creditDebit: string;
  /**
   * CUR: the currency, when not US dollars.
   */
  currency?: Currency | null;
  /**
   * BPR16 check issue or EFT effective date.
   */
  date?: string | null;
  /**
   * BPR05 payment format (CCP, CTX), for ACH.
   */
  format?: string | null;
  /**
   * BPR01 transaction handling code (I remittance and payment, H notification only…).
   */
  handling: string;
  /**
   * BPR04 method (ACH, CHK, BOP, FWT, NON).
   */
  method: string;
  /**
   * BPR10 originating company identifier (`1` + the payer's tax id, usually).
   */
  originatingCompany?: string | null;
  /**
   * BPR11 originating company supplemental code.
   */
  originatingCompanySupplemental?: string | null;
  /**
   * TRN03 payer identifier (`1` + tax id, usually).
   */
  payerIdentifier?: string | null;
  /**
   * DTM*405 production date.
   */
  productionDate?: string | null;
  /**
   * BPR12–15: the receiver's bank and account.
   */
  receiverAccount?: BankAccount | null;
  /**
   * Header REFs (`EV` receiver id, `F2` version), in order.
   */
  references?: Reference[];
  /**
   * BPR06–09: the sender's bank and account.
   */
  senderAccount?: BankAccount | null;
  /**
   * TRN02 check or EFT trace number.
   */
  traceNumber?: string | null;
  /**
   * TRN04 originating company supplemental code.
   */
  traceSupplemental?: string | null;
  /**
   * TRN01 when it is not `1` (current transaction trace numbers, the only code the guide
   * has): absent means `1`.
   */
  traceType?: string | null;
}
/**
 * One PLB adjustment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderAdjustment".
 */
export interface ProviderAdjustment {
  /**
   * Amount: positive decreases the payment; `null` when missing or unreadable (with an
   * error finding).
   */
  amount?: Money | null;
  /**
   * PLB02 the last day of the provider's fiscal period.
   */
  fiscalPeriodEnd?: string | null;
  /**
   * PLB01 provider identifier.
   */
  provider: string;
  /**
   * PLB03-1 reason (WO, FB, L6, 72…).
   */
  reason: string;
  /**
   * PLB03-2 reference (often the claim), when sent.
   */
  reference?: string | null;
}
/**
 * The start of an 835 transaction set: everything before the first group or claim.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitHeader".
 */
export interface RemitHeader {
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * N1*PE loop.
   */
  payee: Party;
  /**
   * N1*PR loop.
   */
  payer: Party;
  /**
   * BPR, TRN, CUR, REF, DTM*405.
   */
  payment: Payment;
  /**
   * ST03 or GS08.
   */
  version: string;
}
/**
 * The end of an 835 transaction set.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitTrailer".
 */
export interface RemitTrailer {
  /**
   * How many claims the set held.
   */
  claims: number;
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Transaction balance, SE envelope findings, header, group and PLB reading findings,
   * and the segments and elements the model does not carry.
   */
  findings?: Finding[];
  /**
   * PLB provider-level adjustments.
   */
  providerAdjustments?: ProviderAdjustment[];
}
/**
 * One 835 transaction set: a payment and the claims it pays.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Remittance".
 */
export interface Remittance {
  /**
   * Loop 2100 (CLP), in order.
   */
  claims: RemitClaim[];
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Balancing and reading findings (positions, never data).
   */
  findings?: Finding[];
  /**
   * Loop 2000: the LX groups of claims with their provider summaries (TS3, TS2). A
   * remittance with claims and no group is written under one `LX*1`.
   */
  groups?: ClaimGroup[];
  /**
   * Loop 1000B (N1*PE).
   */
  payee: Party;
  /**
   * Loop 1000A (N1*PR).
   */
  payer: Party;
  /**
   * BPR, TRN, CUR, header REF and DTM*405.
   */
  payment: Payment;
  /**
   * PLB provider-level adjustments.
   */
  providerAdjustments?: ProviderAdjustment[];
  /**
   * ST03 or GS08, e.g. `005010X221A1`.
   */
  version: string;
}
/**
 * A claim to send again, and what to know before sending it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Resubmission".
 */
export interface Resubmission {
  /**
   * The claim, frequency 7 or 8, with the payer's claim number.
   */
  claim: Claim;
  /**
   * Warnings (the claim has no errors: those are refused).
   */
  findings: Finding[];
}
/**
 * One service billed before.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PriorService".
 */
export interface PriorService {
  /**
   * The claim it was billed on (its patient control number).
   */
  claim: string;
  /**
   * Modifiers.
   */
  modifiers?: Modifier[];
  /**
   * Procedure code.
   */
  procedure: ProcedureCode;
  /**
   * Date of service.
   */
  serviceDate: string;
  /**
   * Units (decimal string).
   */
  units: string;
}
/**
 * The patient's earlier services with the same provider, as the practice's system knows
 * them: what duplicate and global-period rules compare against.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ScrubHistory".
 */
export interface ScrubHistory {
  /**
   * Services billed before, any order.
   */
  services?: PriorService[];
}
/**
 * When a small balance is written off.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SmallBalanceRule".
 */
export interface SmallBalanceRule {
  /**
   * It must have been owed for more than this many days.
   */
  olderThanDays: number;
  /**
   * The reason written on each write-off (the practice's words, no patient data).
   */
  reason: string;
  /**
   * The most a balance may be to be written off.
   */
  threshold: Money;
}
/**
 * A payer's adjustments of one group and reason on the visit, net of reversals.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "AdjustmentLine".
 */
export interface AdjustmentLine {
  /**
   * Whether it is a denial to work rather than cost sharing or the contract's allowance.
   */
  denial: boolean;
  /**
   * CAS01.
   */
  group: CodedGroupCode;
  /**
   * The CARC.
   */
  reason: CodedCarc;
  /**
   * The amount the 835s gave.
   */
  reported: Money;
  /**
   * What the books took off the payer's balance for it: written off, or moved on for PR
   * (zero when it stays with the payer).
   */
  takenOff: Money;
  /**
   * The team's words for the reason.
   */
  words: string;
}
/**
 * Where a balance stands in the dunning cycle.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Dunning".
 */
export interface Dunning {
  /**
   * Days from then to the statement's date.
   */
  days: number;
  /**
   * The stage's message.
   */
  message: string;
  /**
   * The day the oldest unpaid part of the balance arose.
   */
  owedSince: string;
  /**
   * The stage.
   */
  stage: DunningStage;
}
/**
 * One remittance answer of a payer on the visit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerAnswer".
 */
export interface PayerAnswer {
  /**
   * The payment date of the remittance (the check or EFT date).
   */
  date: string;
  /**
   * The payer's claim number (CLP07), when it sent one.
   */
  payerClaimNumber?: string | null;
  /**
   * When it was entered in the books.
   */
  posted: string;
  /**
   * True for a reversal (CLP02 22) of an earlier answer.
   */
  reversal?: boolean;
  /**
   * The remittance's trace number (TRN02).
   */
  trace: string;
}
/**
 * What one payer did with the visit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerFigures".
 */
export interface PayerFigures {
  /**
   * What its adjustments took off.
   */
  adjusted: Money;
  /**
   * Its adjustments by group and reason, the PR ones it moved on (to the next payer or the
   * patient) included.
   */
  adjustments?: AdjustmentLine[];
  /**
   * Its remittance answers, in order.
   */
  answers?: PayerAnswer[];
  /**
   * Billed to it: the charges, and what earlier parties moved to it.
   */
  billed: Money;
  /**
   * What it moved on: to the next payer or to the patient.
   */
  movedOn: Money;
  /**
   * Its name on the claim, when the claim names it.
   */
  name?: string | null;
  /**
   * What it paid.
   */
  paid: Money;
  /**
   * The payer, by its rank on the claim.
   */
  party: LedgerParty;
  /**
   * What it still owes.
   */
  pending: Money;
  /**
   * Where its answer stands.
   */
  status: PayerStatus;
  /**
   * What the practice wrote off of what it owed.
   */
  writtenOff: Money;
}
/**
 * The patient's payments on one day (negative: money returned, or a payment undone).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PaymentLine".
 */
export interface PaymentLine {
  /**
   * How much.
   */
  amount: Money;
  /**
   * The day it was received.
   */
  date: string;
}
/**
 * One reason of the patient's share, with its amount (net of reversals).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ShareLine".
 */
export interface ShareLine {
  /**
   * How much.
   */
  amount: Money;
  /**
   * The payer it came from, when it came from one.
   */
  from?: LedgerParty | null;
  /**
   * That payer as the patient knows it.
   */
  fromName?: string | null;
  /**
   * Why.
   */
  reason: ShareReason;
  /**
   * In words for the patient.
   */
  words: string;
}
/**
 * A patient statement.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Statement".
 */
export interface Statement {
  /**
   * Whom it is for, from the latest visit's claim.
   */
  addressee?: StatementAddressee | null;
  /**
   * The patient's balance on the account's claims by age.
   */
  aging: AgingRow;
  /**
   * What the ages count from.
   */
  agingBasis: AgingBasis;
  /**
   * The statement's date.
   */
  asOf: string;
  /**
   * The dunning stage, when the patient owes something.
   */
  dunning?: Dunning | null;
  /**
   * The patient account id.
   */
  patientAccount: string;
  /**
   * The day it asks to be paid by.
   */
  payBy: string;
  /**
   * The practice, from the latest visit's claim.
   */
  practice?: StatementPractice | null;
  /**
   * The totals.
   */
  totals: StatementTotals;
  /**
   * The visits, oldest first (by date of service).
   */
  visits: Visit[];
}
/**
 * Whom the statement is for. Patient data: `Debug` prints `[redacted]`.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatementAddressee".
 */
export interface StatementAddressee {
  /**
   * The subscriber's address, when the claim has it.
   */
  address?: Address | null;
  /**
   * The person the statement is mailed to: the subscriber (the insured, who answers for a
   * dependent's bills).
   */
  mailTo: PersonName;
  /**
   * The patient.
   */
  patient: PersonName;
}
/**
 * The practice, as the claims bill it (the billing provider).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatementPractice".
 */
export interface StatementPractice {
  /**
   * Its address.
   */
  address?: Address | null;
  /**
   * Its name.
   */
  name: string;
  /**
   * Its first telephone number, when the claim gives one.
   */
  phone?: string | null;
}
/**
 * A statement's totals over the visits it shows, and the account's.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatementTotals".
 */
export interface StatementTotals {
  /**
   * What the patient is asked to pay: `owedOnVisits + unapplied` (negative: a credit).
   */
  amountDue: Money;
  /**
   * What the patient owes on every visit (shown or not): the patient's balance on the
   * account's claims.
   */
  owedOnVisits: Money;
  /**
   * Money kept on the patient account, not applied to a visit (negative: a credit).
   */
  unapplied: Money;
  /**
   * The visits' figures added up.
   */
  visits: VisitFigures;
}
/**
 * A visit's figures, each a sum of its entries.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "VisitFigures".
 */
export interface VisitFigures {
  /**
   * Charged.
   */
  charged: Money;
  /**
   * Taken off by the payers' adjustments (contractual and other write-offs).
   */
  insuranceAdjusted: Money;
  /**
   * Paid by the payers.
   */
  insurancePaid: Money;
  /**
   * What the payers still owe.
   */
  insurancePending: Money;
  /**
   * What the patient owes (negative: the patient paid more than the share).
   */
  owes: Money;
  /**
   * Paid by the patient (less money returned).
   */
  patientPaid: Money;
  /**
   * The patient's share: what the payers (or the practice) made the patient's.
   */
  patientShare: Money;
  /**
   * Written off by the practice from the patient's share.
   */
  shareWrittenOff: Money;
  /**
   * Written off by the practice from what payers owed.
   */
  writtenOff: Money;
}
/**
 * One visit, from its claim and its entries.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Visit".
 */
export interface Visit {
  /**
   * When the claim was first billed.
   */
  billed?: string | null;
  /**
   * The claim's patient control number.
   */
  claim: string;
  /**
   * The figures.
   */
  figures: VisitFigures;
  /**
   * The first date of service.
   */
  firstService: string;
  /**
   * When the newest part of what the patient owes arose.
   */
  lastOwed?: string | null;
  /**
   * The last date of service.
   */
  lastService: string;
  /**
   * The services.
   */
  lines: VisitLine[];
  /**
   * When the oldest part of what the patient owes arose (posting date; payments pay the
   * oldest part first). Absent when the patient owes nothing.
   */
  owedSince?: string | null;
  /**
   * Each payer, in its order on the claim.
   */
  payers: PayerFigures[];
  /**
   * The patient's payments on the visit, by day.
   */
  payments: PaymentLine[];
  /**
   * The patient's share by reason.
   */
  share: ShareLine[];
}
/**
 * One service of a visit.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "VisitLine".
 */
export interface VisitLine {
  /**
   * What the line charges on the books.
   */
  charged: Money;
  /**
   * 0-based line of the claim.
   */
  line: number;
  /**
   * Its modifiers.
   */
  modifiers?: Modifier[];
  /**
   * What the patient owes on the line.
   */
  patientOwes: Money;
  /**
   * The procedure (CPT/HCPCS), when the line has one.
   */
  procedure?: ProcedureCode | null;
  /**
   * The revenue code, on an institutional line.
   */
  revenueCode?: RevenueCode | null;
  /**
   * Its date of service.
   */
  serviceDate: string;
  /**
   * The last date of service, for a line spanning days.
   */
  serviceDateEnd?: string | null;
}
/**
 * A statement with its two renderings, for hosts that show, mail or save it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatementDocuments".
 */
export interface StatementDocuments {
  /**
   * As one self-contained HTML page ([`statement_html`](super::statement_html)).
   */
  html: string;
  /**
   * The statement.
   */
  statement: Statement;
  /**
   * As plain text ([`statement_text`](super::statement_text)).
   */
  text: string;
}
/**
 * The stages of the dunning cycle and when a statement asks to be paid.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DunningPolicy".
 */
export interface DunningPolicy {
  /**
   * A statement asks to be paid within this many days of its date.
   */
  payWithinDays: number;
  /**
   * The stages, in order of `fromDay`; the first starts on day 0.
   */
  steps: DunningStep[];
}
/**
 * One stage and the day it starts.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "DunningStep".
 */
export interface DunningStep {
  /**
   * The first day of it: days since the balance arose (the day it arose is day 0).
   */
  fromDay: number;
  /**
   * The message printed on the statement at this stage.
   */
  message: string;
  /**
   * The stage.
   */
  stage: DunningStage;
}
/**
 * How to make a statement.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatementOptions".
 */
export interface StatementOptions {
  /**
   * What the patient's aging counts from (default: the date of service).
   */
  agingBasis?: AgingBasis & string;
  /**
   * The statement's date: entries posted on or before it count.
   */
  asOf: string;
  /**
   * The dunning stages and when to pay (default: [`DunningPolicy::default`]).
   */
  dunning?: DunningPolicy;
  /**
   * Show settled visits too (default: only visits where the patient or a payer still owes
   * something).
   */
  includeSettled?: boolean;
}
/**
 * What one claim's status says.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusUpdate".
 */
export interface StatusUpdate {
  /**
   * The claim (patient control number), as the 277 named it.
   */
  claim?: string | null;
  /**
   * The status date (STC02), else the posting date.
   */
  date: string;
  /**
   * The event.
   */
  event: StatusEvent;
  /**
   * The STC codes explained.
   */
  explained: string[];
  /**
   * Whether the books know the claim (an entry was made).
   */
  matched: boolean;
  /**
   * The payer's claim number, when sent.
   */
  payerClaimNumber?: string | null;
}
/**
 * The entries made and what each claim's status says.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "StatusPosting".
 */
export interface StatusPosting {
  /**
   * The new status entries, in order, to append.
   */
  entries: Entry[];
  /**
   * One per claim in the files.
   */
  updates: StatusUpdate[];
}
/**
 * What an 837 says about its sender and batch, beyond the claims (1000A, 1000B, BHT, ST02).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Submission".
 */
export interface Submission {
  /**
   * 1000A PER.
   */
  contact: SubmitterContact;
  /**
   * ST02 of the first transaction set; later sets count up from it (written with at
   * least four digits).
   */
  firstControlNumber: number;
  /**
   * 1000B NM109 (qualifier 46).
   */
  receiverId: string;
  /**
   * 1000B NM103.
   */
  receiverName: string;
  /**
   * BHT03, the originator's batch reference.
   */
  referenceId: string;
  /**
   * 1000A NM109 (qualifier 46).
   */
  submitterId: string;
  /**
   * 1000A NM103.
   */
  submitterName: string;
}
/**
 * A visit explained to the patient.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PatientExplanation".
 */
export interface PatientExplanation {
  /**
   * The day the books were read as of.
   */
  asOf: string;
  /**
   * The explanation, sentence by sentence.
   */
  sentences: string[];
  /**
   * The visit, from its entries.
   */
  visit: Visit;
}
/**
 * A claim explained to a payer.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerExplanation".
 */
export interface PayerExplanation {
  /**
   * The day the books were read as of.
   */
  asOf: string;
  /**
   * When the claim was first billed.
   */
  billed?: string | null;
  /**
   * The claim's charges.
   */
  charged: Money;
  /**
   * The claim's patient control number (CLM01).
   */
  claim: string;
  /**
   * The first date of service.
   */
  firstService: string;
  /**
   * The last date of service.
   */
  lastService: string;
  /**
   * The lines.
   */
  lines: PayerInquiryLine[];
  /**
   * The patient responsibility the payers assigned (their PR adjustments to the patient).
   */
  patientResponsibility: Money;
  /**
   * The payers' claim numbers (CLP07), as their remittances gave them.
   */
  payerClaimNumbers: string[];
  /**
   * Each payer's answer and balance.
   */
  payers: PayerFigures[];
  /**
   * The explanation, sentence by sentence.
   */
  sentences: string[];
}
/**
 * A claim line as a payer inquiry needs it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerInquiryLine".
 */
export interface PayerInquiryLine {
  /**
   * Its charge on the books.
   */
  charged: Money;
  /**
   * 0-based line.
   */
  line: number;
  /**
   * Its modifiers.
   */
  modifiers?: Modifier[];
  /**
   * The procedure code.
   */
  procedure?: ProcedureCode | null;
  /**
   * The revenue code, on an institutional line.
   */
  revenueCode?: RevenueCode | null;
  /**
   * Its date of service.
   */
  serviceDate: string;
  /**
   * Its last date of service, for a span.
   */
  serviceDateEnd?: string | null;
}
/**
 * A balance the practice writes off.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "WriteOffRequest".
 */
export interface WriteOffRequest {
  /**
   * The account (a claim's line or claim account, or a patient account).
   */
  account: Account;
  /**
   * How much (positive).
   */
  amount: Money;
  /**
   * The date it takes effect.
   */
  effective: string;
  /**
   * Whose balance.
   */
  party: LedgerParty;
  /**
   * When it is entered in the books.
   */
  posted: string;
  /**
   * Why, in the practice's words (no patient data).
   */
  reason: string;
}
/**
 * What the envelopes of a file hold.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "EnvelopeReport".
 */
export interface EnvelopeReport {
  /**
   * Control number and count mismatches, missing trailers.
   */
  findings: Finding[];
  /**
   * Functional groups (GS…GE).
   */
  groups: number;
  /**
   * Interchanges (ISA…IEA).
   */
  interchanges: number;
  /**
   * Transaction sets, in file order.
   */
  transactionSets: TransactionSet[];
}
/**
 * One transaction set (ST…SE) as the envelope describes it.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "TransactionSet".
 */
export interface TransactionSet {
  /**
   * ST02 control number.
   */
  controlNumber: string;
  /**
   * ST01: `835`, `837`, `270`…
   */
  id: string;
  /**
   * 1-based position of the ST segment in the file.
   */
  position: number;
  /**
   * Segments from ST to SE inclusive.
   */
  segments: number;
  /**
   * The implementation guide version: ST03, else GS08 (e.g. `005010X221A1`).
   */
  version: string;
}
/**
 * A TA1 interchange acknowledgment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "InterchangeAcknowledgment".
 */
export interface InterchangeAcknowledgment {
  /**
   * TA101 the acknowledged ISA13.
   */
  controlNumber: string;
  /**
   * TA102 the acknowledged ISA09 (YYMMDD, read as 20YY).
   */
  date?: string | null;
  /**
   * Reading findings.
   */
  findings: Finding[];
  /**
   * TA105 note code (`000` no error, `024` invalid interchange content…).
   */
  noteCode?: string | null;
  /**
   * Position of the TA1 segment.
   */
  position: number;
  /**
   * TA104.
   */
  status?: AckCode | null;
  /**
   * TA103 the acknowledged ISA10 (HHMM), as sent.
   */
  time?: string | null;
}
/**
 * A request (270, 276) read back from X12, with what the reader found on the way.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ReadClaimStatusRequest".
 */
export interface ReadClaimStatusRequest {
  /**
   * ST02 of the transaction set it came from.
   */
  controlNumber: string;
  /**
   * Reading findings (positions, never data) and the file's envelope findings.
   */
  findings: Finding[];
  /**
   * The request.
   */
  request: ClaimStatusRequest;
}
/**
 * A request (270, 276) read back from X12, with what the reader found on the way.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ReadEligibilityRequest".
 */
export interface ReadEligibilityRequest {
  /**
   * ST02 of the transaction set it came from.
   */
  controlNumber: string;
  /**
   * Reading findings (positions, never data) and the file's envelope findings.
   */
  findings: Finding[];
  /**
   * The request.
   */
  request: EligibilityRequest;
}
/**
 * Everything read from one X12 file, by transaction type, each list in file order.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "X12File".
 */
export interface X12File {
  /**
   * 999 implementation acknowledgments.
   */
  acknowledgments?: Acknowledgment[];
  /**
   * 277 claim status responses and 277CA claim acknowledgments.
   */
  claimStatus?: ClaimStatusResponse[];
  /**
   * 837P and 837I transaction sets.
   */
  claims?: ClaimTransaction[];
  /**
   * 271 eligibility responses.
   */
  eligibility?: EligibilityResponse[];
  /**
   * 270 eligibility inquiries.
   */
  eligibilityRequests?: ReadEligibilityRequest[];
  /**
   * Interchanges, groups, every transaction set (id, version, segment count) and the
   * envelope findings.
   */
  envelope: EnvelopeReport;
  /**
   * TA1 interchange acknowledgments.
   */
  interchangeAcknowledgments?: InterchangeAcknowledgment[];
  /**
   * 835 remittances.
   */
  remittances?: Remittance[];
  /**
   * 276 claim status inquiries.
   */
  statusRequests?: ReadClaimStatusRequest[];
}
/**
 * One line of `medbill x12 check`: what a transaction set holds, in numbers. A sum is
 * absent when an amount it needs is missing or it overflows (never a partial sum).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "SetSummary".
 */
export interface SetSummary {
  /**
   * Whether an 835 balances at line, claim and transaction level: absent for other sets,
   * and for an 835 whose balancing could not be checked (an amount missing, a sum
   * overflowing: see its findings). Never `true` unless every check passed.
   */
  balanced?: boolean | null;
  /**
   * Σ CLP03 (835) or Σ CLM02 (837).
   */
  charge?: Money | null;
  /**
   * Claims (CLP in an 835, CLM in an 837, claims in a 276/277), when the set has claims.
   */
  claims?: number | null;
  /**
   * ST01.
   */
  id: string;
  /**
   * Σ CLP04 (835).
   */
  paid?: Money | null;
  /**
   * Segments from ST to SE.
   */
  segments: number;
  /**
   * ST03 or GS08.
   */
  version: string;
}
