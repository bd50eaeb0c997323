import { stem } from "@automatos/text";

/**
 * A small hand-written LEXICON of everyday concept families (not semantics, not a model): words of one family
 * ("job", "career", "occupation", "profession"...) also fire a shared concept feature, so a question and a
 * memory that name the same thing with different common words can still meet. It only knows the words listed
 * here; anything else ("what do I do for a living" vs "I'm a nurse") stays out of reach.
 *
 * Honesty note: it was written by the author of the relevance set, so its gain on the set's "paraphrased"
 * questions is an optimistic estimate (bench/relevance/README.md measures the set with and without it).
 */
const FAMILIES: Record<string, string> = {
  occupation:
    "job jobs work works working career profession professional occupation employment employer employee vocation trade workplace role",
  colleague: "colleague colleagues coworker coworkers team staff",
  partner: "partner spouse wife husband boyfriend girlfriend fiance fiancee fiancé other half",
  child:
    "child children kid kids son sons daughter daughters boy boys girl baby babies toddler newborn newborns infant twins eldest youngest",
  parent: "parent parents mother father mum mom dad mam mama papa",
  sibling: "sibling siblings brother brothers sister sisters",
  grandfamily:
    "grandchild grandchildren grandson grandsons granddaughter grandkids grandparent grandmother grandfather grandma grandpa",
  relative: "cousin aunt uncle niece nephew relative relatives family",
  wedding:
    "wedding weddings marry married marriage engaged engagement bride groom ceremony reception propose proposed",
  clinician:
    "doctor doctors gp physician clinician cardiologist neurologist specialist physio physiotherapist osteopath therapist midwife paediatrician pediatrician dentist hygienist surgeon medical",
  medicine:
    "medicine medicines medication medications drug drugs pill pills tablet tablets prescription dose statin statins antibiotic antibiotics inhaler supplement supplements vitamin",
  illness: "illness disease condition diagnosis diagnosed sick ill symptom symptoms infection virus bug",
  pain: "pain ache aching hurt hurts sore injury injured injure strain strained sprain tweaked",
  allergy: "allergy allergies allergic intolerance intolerant reaction hives rash",
  cardiac: "heart cardiac cardio cardiologist stent",
  headache: "headache headaches migraine migraines",
  breathing: "breath breathe breathing lung lungs asthma inhaler respiratory pneumonia",
  sleep: "sleep sleeping slept insomnia tired exhausted exhaustion rest nap fatigue awake nights",
  exercise:
    "exercise exercises workout gym run runs running jog jogging marathon race races training fitness",
  body: "knee knees ankle shoulder wrist hip back spine neck joint leg legs arm forearm foot hand finger shin shins",
  food: "food foods eat eating diet meal meals dish dishes cook cooking recipe cuisine",
  diet: "vegetarian vegan meat plant dairy cheese",
  coffee: "coffee caffeine espresso latte lattes",
  travel:
    "travel travelling trip trips holiday vacation journey tour visit visiting flight flights fly flew airport abroad getaway honeymoon",
  dwelling: "home house flat apartment condo property residence household",
  relocation: "move moving moved relocate relocation emigrate emigrating settle settling",
  tenancy: "lease rent renting landlord tenant mortgage deposit",
  money:
    "money cost costs price pay paid payment spend spending expense expenses budget save saving savings afford loan debt salary income wage stipend fortune euros dollars finance financing fund",
  pet: "pet pets dog dogs cat cats puppy kitten beagle tabby animal",
  music:
    "music instrument piano cello drums drummer guitar violin band orchestra recital gig concert perform",
  study:
    "school study studying student university college degree phd doctorate doctoral thesis exam class course lesson lessons academic",
  teaching: "teach teaches teacher teaching tutor lecturer",
  vehicle: "car cars vehicle drive driving van truck bike bicycle ebike",
  sport: "sport sports game cricket football soccer basketball tennis match team league",
  craft:
    "craft crafts art paint painting watercolor watercolour draw drawing pottery ceramic ceramics clay crochet knit knitting sew",
  garden:
    "garden gardening plant plants grow growing vegetable vegetables tomato tomatoes pepper peppers herb herbs harvest",
  celebration: "birthday anniversary party celebrate celebrated celebration",
  pregnancy: "pregnant pregnancy expecting due birth born midwife scan",
  death: "died die death passed funeral ashes",
  hiring: "quit resign resigned notice hired hire recruit recruited promoted promotion",
  business: "business company firm startup shop store bakery restaurant cafe client clients customer",
  language:
    "language languages spanish french german russian english translate translation translator fluent",
  reading: "book books novel read reading author library fiction literary publisher",
  award: "award prize won win medal honour honor pin trophy",
  accident: "accident fall fell crash bruise bruises slip",
  clothing: "dress outfit uniform blazer suit",
  weight: "weight kilo kilos pound pounds",
};

export interface ConceptLexicon {
  conceptsOf(stemmed: string): readonly string[];
  readonly size: number;
}

export function createConceptLexicon(families: Record<string, string> = FAMILIES): ConceptLexicon {
  const byStem = new Map<string, string[]>();
  for (const [concept, list] of Object.entries(families)) {
    for (const word of list.split(/\s+/)) {
      const s = stem(word.toLowerCase());
      const concepts = byStem.get(s) ?? [];
      if (!concepts.includes(concept)) concepts.push(concept);
      byStem.set(s, concepts);
    }
  }
  return { conceptsOf: (s) => byStem.get(s) ?? [], size: Object.keys(families).length };
}
