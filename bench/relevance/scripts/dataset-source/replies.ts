import type { Topic } from "./spec.js";

/**
 * Assistant replies to fact-bearing user turns, by topic. They react to the topic without repeating
 * the fact itself, as a chat assistant does, so they are realistic near-miss distractors, never evidence.
 */
export const REPLIES: Record<Topic, string[]> = {
  work: [
    "That sounds like a lot to juggle. How are you feeling about it overall?",
    "Thanks for telling me, I'll keep your schedule in mind when you message late.",
    "That's a big step in your career. Do you want help preparing for what comes next?",
    "Work can really take it out of you. Make sure you get some proper rest this week.",
    "Congratulations, that's great news! Is there anything you'd like to plan before you start?",
    "I hope your colleagues appreciate how much you put in. Anything I can help you organise?",
    "Good to know. If you want, I can help you draft messages or sort out your week.",
  ],
  family: [
    "That's lovely to hear. It sounds like a close family.",
    "How exciting! Let me know if you want ideas for gifts or plans.",
    "Family news like that is always special. How is everyone taking it?",
    "That's really sweet. Do you see each other often?",
    "Thanks for sharing that, I'll remember it for later.",
    "What a nice thing to look forward to. Do you need help planning anything?",
  ],
  pets: [
    "Aww, that's adorable. Pets really do have their own personalities.",
    "Ha, sounds like a handful! Make sure to keep an eye on them.",
    "Poor thing, I hope they're back to normal soon.",
    "That's so cute. Do you have any photos you'd like help captioning?",
    "Animals settle in at their own pace, give it a couple of weeks.",
  ],
  health: [
    "I'm sorry to hear that. Please do follow your clinician's advice on it.",
    "That's good progress. Keep listening to your body and don't rush things.",
    "Thanks for letting me know, I'll keep it in mind for any suggestions I make.",
    "That sounds uncomfortable. Rest and patience usually help more than people expect.",
    "Glad you're looking after yourself. Small changes add up over time.",
    "It's worth keeping a short log of symptoms so you can spot any pattern.",
  ],
  food: [
    "Noted, I'll keep that in mind whenever I suggest recipes or restaurants.",
    "That's a good experiment. How are you finding it so far?",
    "Makes sense. I'll tailor meal ideas to that from now on.",
    "Good to know! There are plenty of tasty options that fit.",
    "Interesting change. Would you like a few easy dishes to try?",
  ],
  travel: [
    "That sounds like a wonderful trip! Would you like help with an itinerary?",
    "How exciting. Remember to check your passport and travel insurance.",
    "Sounds amazing! Did anything surprise you while you were there?",
    "Lovely. I can suggest things to do or places to eat if that's useful.",
    "What a great plan. Packing lists are my speciality if you need one.",
  ],
  home: [
    "That's a big change! Moving is stressful but exciting.",
    "Fingers crossed for you. Do you want a checklist for the next steps?",
    "Congratulations! That must be a huge relief.",
    "New places take a while to feel like home. Take it one room at a time.",
    "Sounds promising. Have you thought about what you'd change first?",
  ],
  hobby: [
    "That's brilliant, it's great to have something just for you.",
    "Well done! That takes real dedication.",
    "Sounds fun. Let me know if you want tips or a plan to build on it.",
    "Love that. How did you get into it?",
    "Impressive! Keep me posted on how it goes.",
  ],
  money: [
    "That's a sensible plan. Small cuts add up faster than you'd think.",
    "Good thinking. Would a simple monthly budget template help?",
    "Money decisions like that are never easy, but it sounds well thought through.",
    "Nice, having a clear goal makes saving a lot easier.",
  ],
};
