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
 * Provider accept-assignment code (CLM07).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Assignment".
 */
export type Assignment = "assigned" | "labServicesOnly" | "notAssigned";
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
 * Procedure modifier (2 characters).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Modifier".
 */
export type Modifier = string;
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
 * UB-04 revenue code (4 digits, first 0-3).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RevenueCode".
 */
export type RevenueCode = string;
/**
 * Claim frequency type code: 1 original, 7 replacement, 8 void; 0, 2-5 institutional.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimFrequency".
 */
export type ClaimFrequency = string;
/**
 * Release-of-information code (CLM09).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ReleaseOfInformation".
 */
export type ReleaseOfInformation = "yes" | "informed";
/**
 * ICD-10-CM code, dotted or undotted (e.g. "E11.9").
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Icd10Cm".
 */
export type Icd10Cm = string;
/**
 * Administrative sex (DMG03).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Sex".
 */
export type Sex = "female" | "male" | "unknown";
/**
 * Which payer this claim goes to for the subscriber (SBR01).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "PayerResponsibility".
 */
export type PayerResponsibility = "primary" | "secondary" | "tertiary";
/**
 * The kinds of code medbill validates.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "CodeKind".
 */
export type CodeKind =
  | "npi"
  | "icd10cm"
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
 * A rounding strategy, named so that every rounding point says how it rounds.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Rounding".
 */
export type Rounding = "halfAwayFromZero" | "halfEven" | "halfTowardZero" | "up" | "down" | "ceiling" | "floor";
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
 * Medicare locality: MAC number and locality number, e.g. "01112-05".
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "LocalityId".
 */
export type LocalityId = string;
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
      obligated_to_accept?: boolean;
    };
/**
 * How serious a finding is.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = "error" | "warning";
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
   * Procedure code.
   */
  procedure?: ProcedureCode | null;
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
   * Total allowed.
   */
  totalAllowed: Money;
  /**
   * Total billed.
   */
  totalCharge: Money;
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
 * An inpatient admission (CL1, DTP*435).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Admission".
 */
export interface Admission {
  /**
   * Admission date.
   */
  date: string;
  /**
   * Admission hour, 0–23.
   */
  hour?: number | null;
  /**
   * Point of origin (source) of admission (CL102, FL 15).
   */
  sourceCode?: string | null;
  /**
   * Priority (type) of admission (CL101, FL 14).
   */
  typeCode: string;
}
/**
 * Claim-level dates (2300 DTP).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ClaimDates".
 */
export interface ClaimDates {
  /**
   * Accident (DTP*439, box 15).
   */
  accident?: string | null;
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
   * Last seen (DTP*304, box 15).
   */
  lastSeen?: string | null;
  /**
   * Onset of current illness (DTP*431, box 14).
   */
  onset?: string | null;
}
/**
 * Professional claim content.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Professional".
 */
export interface Professional {
  /**
   * Service lines (2400, box 24), at most 50.
   */
  lines: ProfessionalLine[];
  /**
   * Place of service for the claim (CLM05-1, box 24B); lines may override.
   */
  placeOfService: PlaceOfService;
}
/**
 * One professional service line.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProfessionalLine".
 */
export interface ProfessionalLine {
  /**
   * Line charge (SV102, box 24F).
   */
  charge: Money;
  /**
   * 1-based pointers into the claim's diagnoses, at most four (SV107, box 24E).
   */
  diagnosisPointers: number[];
  /**
   * Drug given, for drug lines (LIN/CTP, box 24 shaded).
   */
  drug?: DrugQuantity | null;
  /**
   * The provider's own line id, echoed back by the 835 (REF*6R).
   */
  lineItemControlNumber?: string | null;
  /**
   * Up to four modifiers (SV101-3..6).
   */
  modifiers?: Modifier[];
  /**
   * Place of service when it differs from the claim's (SV105).
   */
  placeOfService?: PlaceOfService | null;
  /**
   * Procedure code (SV101-2, box 24D).
   */
  procedure: ProcedureCode;
  /**
   * Units, or anesthesia minutes (SV103/SV104, box 24G).
   */
  quantity: Quantity;
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
 * A provider: person or organization, with NPI.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Provider".
 */
export interface Provider {
  /**
   * Address (required for the billing provider).
   */
  address?: Address | null;
  /**
   * Name: a person or an organization.
   */
  name: PartyName;
  /**
   * National Provider Identifier.
   */
  npi: Npi;
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
 * Institutional claim content.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Institutional".
 */
export interface Institutional {
  /**
   * Admission, for inpatient and some outpatient bills (DTP*435, CL1).
   */
  admission?: Admission | null;
  /**
   * Attending provider (2310A, FL 76).
   */
  attendingProvider: Provider;
  /**
   * Condition codes (HI BG, FL 18–28).
   */
  conditionCodes?: string[];
  /**
   * Discharge hour (DTP*096), 0–23.
   */
  dischargeHour?: number | null;
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
   * Operating physician (2310B, FL 77).
   */
  operatingProvider?: Provider | null;
  /**
   * Patient discharge status (CL103, FL 17), e.g. `01`.
   */
  patientStatus: string;
  /**
   * Statement period start (DTP*434, FL 6).
   */
  statementFrom: string;
  /**
   * Statement period end (DTP*434, FL 6).
   */
  statementThrough: string;
  /**
   * Value codes with amounts (HI BE, FL 39–41).
   */
  valueCodes?: ValueCode[];
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
   * Provider signature on file (CLM06, box 31).
   */
  providerSignatureOnFile: boolean;
  /**
   * Release of information (CLM09, box 12).
   */
  releaseOfInformation: ReleaseOfInformation;
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
 * The payer billed.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Payer".
 */
export interface Payer {
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
   * Group or policy number (SBR03, box 11).
   */
  groupNumber?: string | null;
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
 * A claim for payment, professional or institutional.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Claim".
 */
export interface Claim {
  /**
   * Who bills (2010AA, box 33).
   */
  billingProvider: Provider;
  /**
   * Claim-level dates (onset, accident, …).
   */
  dates?: ClaimDates;
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
   * The payer's claim control number of the claim replaced or voided (REF*F8).
   */
  originalClaimNumber?: string | null;
  /**
   * The patient, when not the subscriber (2010CA).
   */
  patient?: Patient | null;
  /**
   * The provider's own claim id: CLM01, CMS-1500 box 26 (1–38 characters).
   */
  patientControlNumber: string;
  /**
   * The payer billed (2010BB).
   */
  payer: Payer;
  /**
   * Prior authorization number (REF*G1, box 23).
   */
  priorAuthorization?: string | null;
  /**
   * Referring provider (2310A, box 17).
   */
  referringProvider?: Provider | null;
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
   * Allowed = the lesser of the charge and the schedule amount.
   */
  lesserOfCharge?: boolean;
  /**
   * Multiple-procedure percentages by rank; procedures ranked past the list need manual
   * pricing.
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
   * What the prior payer allowed.
   */
  priorAllowed: Money;
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
 * An estimate of the patient's cost.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Estimate".
 */
export interface Estimate {
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
 * One problem found in a document. The message never contains patient data.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
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
   * The claim's patient control number.
   */
  patientControlNumber: string;
  /**
   * The contract's payer.
   */
  payerId: string;
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
 * A payer or payee.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Party".
 */
export interface Party {
  /**
   * N104 (with N103 saying what kind of id), when sent.
   */
  id?: string | null;
  /**
   * N102.
   */
  name: string;
}
/**
 * The payment (BPR) and its trace (TRN).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Payment".
 */
export interface Payment {
  /**
   * BPR02 total payment.
   */
  amount: Money;
  /**
   * BPR03 C (credit) or D (debit).
   */
  creditDebit: string;
  /**
   * BPR16 payment date, as sent (CCYYMMDD).
   */
  date?: string | null;
  /**
   * BPR01 transaction handling code (I remittance and payment, H notification only…).
   */
  handling: string;
  /**
   * BPR04 method (ACH, CHK, NON…).
   */
  method: string;
  /**
   * TRN02 check or EFT trace number.
   */
  traceNumber?: string | null;
}
/**
 * One PLB adjustment.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "ProviderAdjustment".
 */
export interface ProviderAdjustment {
  /**
   * Amount: positive decreases the payment.
   */
  amount: Money;
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
 * One claim adjustment (CAS triple).
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "RemitAdjustment".
 */
export interface RemitAdjustment {
  /**
   * Amount: positive decreases the payment.
   */
  amount: Money;
  /**
   * CAS01 group code, as sent.
   */
  group: string;
  /**
   * Quantity, when sent.
   */
  quantity: string;
  /**
   * Reason code (CARC), as sent.
   */
  reason: string;
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
  adjustments: RemitAdjustment[];
  /**
   * CLP03 charge.
   */
  charge: Money;
  /**
   * SVC loops.
   */
  lines: RemitLine[];
  /**
   * CLP04 payment.
   */
  paid: Money;
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
   * CLP02 status (1 primary, 2 secondary, 3 tertiary, 4 denied, 19–23 forwarded, 22 reversal).
   */
  status: string;
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
  adjustments: RemitAdjustment[];
  /**
   * AMT*B6 allowed amount (informational, not part of balancing).
   */
  allowed?: Money | null;
  /**
   * SVC02 charge.
   */
  charge: Money;
  /**
   * REF*6R the provider's line item control number.
   */
  controlNumber?: string | null;
  /**
   * SVC03 payment.
   */
  paid: Money;
  /**
   * SVC01 procedure as adjudicated (code qualifier, code and modifiers, as sent).
   */
  procedure: string;
}
/**
 * One 835 transaction set: a payment and the claims it pays.
 *
 * This interface was referenced by `MedbillJsonForms`'s JSON-Schema
 * via the `definition` "Remittance".
 */
export interface Remittance {
  /**
   * CLP loops.
   */
  claims: RemitClaim[];
  /**
   * ST02.
   */
  controlNumber: string;
  /**
   * Balancing and reading findings (positions, never data).
   */
  findings: Finding[];
  /**
   * N1*PE.
   */
  payee: Party;
  /**
   * N1*PR.
   */
  payer: Party;
  /**
   * BPR and TRN.
   */
  payment: Payment;
  /**
   * PLB provider-level adjustments.
   */
  providerAdjustments: ProviderAdjustment[];
}
