/**
 * Small talk and everyday requests that carry no fact about the user (first half of the pool).
 * They share vocabulary with the facts on purpose (work, trips, food, health, family, home) so that
 * word overlap alone does not find the evidence. Each entry is [user message, assistant reply].
 */
export const DISTRACTORS_A: [string, string][] = [
  [
    "Can you give me a quick recipe for a weeknight curry?",
    "Sure! Fry an onion with garlic and ginger, add curry paste, a tin of chickpeas and a tin of coconut milk, simmer for 15 minutes and finish with spinach and lime.",
  ],
  [
    "What's a good way to store fresh herbs so they last longer?",
    "Treat soft herbs like flowers: trim the stems and stand them in a glass of water in the fridge. Wrap hardy herbs like rosemary in a damp paper towel.",
  ],
  [
    "How long should I boil an egg for a runny yolk?",
    "About six minutes from boiling water for a large egg, then straight into cold water so it stops cooking.",
  ],
  [
    "Is it fine to freeze cooked rice?",
    "Yes, if you cool it quickly and freeze it within an hour or so. Reheat it until it's piping hot and only reheat it once.",
  ],
  [
    "Give me three ideas for a packed lunch that isn't a sandwich.",
    "Try a grain salad with roasted vegetables, a thermos of soup, or a wrap-style bento with hummus, crackers and crunchy veg.",
  ],
  [
    "What's the difference between baking soda and baking powder?",
    "Baking soda is pure bicarbonate and needs an acid to react; baking powder already contains the acid, so it works on its own.",
  ],
  [
    "Can you suggest a simple dessert for six people?",
    "A lemon posset is hard to beat: cream, sugar and lemon juice, set in the fridge for a few hours. Serve with shortbread.",
  ],
  [
    "How do I stop pasta from sticking together?",
    "Use plenty of well-salted water, stir in the first minute, and don't rinse it afterwards. Toss it with the sauce straight away.",
  ],
  [
    "What can I make with leftover bread?",
    "Breadcrumbs, croutons, a panzanella salad, French toast or a bread and butter pudding all work well.",
  ],
  [
    "Any tips for making crispy roast potatoes?",
    "Parboil them, shake them to rough up the edges, then roast in very hot oil or fat. Don't crowd the tray.",
  ],
  [
    "What's the best time of year to visit Japan?",
    "Spring for the cherry blossom and autumn for the colourful leaves are the favourites, though both are busy. Early winter is quieter.",
  ],
  [
    "How early should I get to the airport for a short-haul flight?",
    "Around two hours before departure is a safe rule, a bit more at peak times or if you're checking a bag.",
  ],
  [
    "What should always go in a carry-on bag?",
    "Passport, wallet, phone charger, medication, a change of underwear, a refillable bottle and anything valuable or fragile.",
  ],
  [
    "Is travel insurance really worth it?",
    "Usually yes, especially for medical cover abroad and cancellations. Check what's excluded before you buy.",
  ],
  [
    "How do people deal with jet lag?",
    "Shift your sleep an hour a day before you travel, get daylight on arrival, stay hydrated and avoid long naps on the first day.",
  ],
  [
    "Which is better for a city break, a hotel or an apartment rental?",
    "Hotels are easier for short stays; apartments are better value for longer stays or if you want to cook.",
  ],
  [
    "Can you recommend some road trip games for adults?",
    "Try the alphabet game with road signs, twenty questions, or a shared playlist where everyone picks in turn.",
  ],
  [
    "How do I say 'thank you' in a few different languages?",
    "Gracias in Spanish, merci in French, danke in German, grazie in Italian, obrigado or obrigada in Portuguese and arigatou in Japanese.",
  ],
  [
    "What's a sensible daily budget for backpacking in Southeast Asia?",
    "Many backpackers manage on around 30 to 50 US dollars a day, depending on the country and how often they move.",
  ],
  [
    "Do I need a visa for a layover?",
    "It depends on the country and whether you leave the airport. Check the transit rules for your passport before you book.",
  ],
  [
    "How much water should an adult drink each day?",
    "Guidelines vary, but six to eight glasses a day is a common target; you need more in hot weather or when exercising.",
  ],
  [
    "Is it bad to drink coffee late in the afternoon?",
    "Caffeine can linger for six hours or more, so for many people an afternoon cup makes it harder to fall asleep.",
  ],
  [
    "What are some easy stretches for a stiff back after sitting all day?",
    "Try a cat-cow stretch, a gentle seated twist and a child's pose, holding each for thirty seconds.",
  ],
  [
    "How many hours of sleep do adults really need?",
    "Most adults need seven to nine hours. Consistent bed and wake times matter almost as much as the total.",
  ],
  [
    "What's a good warm-up before a run?",
    "Five minutes of brisk walking or easy jogging, then leg swings, lunges and high knees to get the joints moving.",
  ],
  [
    "Why do I get headaches when I skip lunch?",
    "Low blood sugar and dehydration are common triggers. Regular meals and water usually help; see a doctor if they persist.",
  ],
  [
    "Is it normal to feel sore two days after a workout?",
    "Yes, delayed-onset muscle soreness often peaks 24 to 72 hours after unfamiliar exercise.",
  ],
  [
    "How can I get better at waking up early?",
    "Move your alarm earlier by fifteen minutes every few days, get light first thing, and keep your phone out of the bedroom.",
  ],
  [
    "What are the symptoms of dehydration?",
    "Thirst, dark urine, tiredness, dizziness and headaches are the usual signs.",
  ],
  [
    "Are standing desks actually good for you?",
    "They help you move more, but standing all day isn't ideal either. Alternating between sitting and standing works best.",
  ],
  [
    "How do I write a good cover letter?",
    "Open with why you want this specific role, give two or three concrete achievements that match the job, and keep it to one page.",
  ],
  [
    "What questions should I ask at the end of a job interview?",
    "Ask what success looks like in the first six months, how the team works together, and what the next steps are.",
  ],
  [
    "How do I politely decline a meeting?",
    "Thank them, say you can't make it, and offer an alternative, such as a written update or a different time.",
  ],
  [
    "Can you explain what a pension auto-enrolment is?",
    "Employers automatically put eligible staff into a workplace pension, with contributions from both sides; you can opt out.",
  ],
  [
    "What's a good structure for a weekly team update?",
    "Keep it to three headings: what got done, what's next, and anything blocked or needing help.",
  ],
  [
    "How do you ask for a pay rise?",
    "Book a proper conversation, bring evidence of your impact and market rates, and name a specific figure.",
  ],
  [
    "What does 'circle back' actually mean in office speak?",
    "It just means to return to a topic later, usually once more information is available.",
  ],
  [
    "How can I stop checking emails in the evening?",
    "Turn off notifications after a set time, remove the app from your home screen and tell colleagues when you're reachable.",
  ],
  [
    "What makes a good LinkedIn headline?",
    "Say what you do and for whom in plain words, plus one distinctive skill or result.",
  ],
  [
    "How long should a CV be?",
    "Two pages is standard for most experienced roles, one page if you're early in your career.",
  ],
  [
    "Any ideas for a seven-year-old's birthday party?",
    "A treasure hunt, a simple science party with slime, or a backyard sports day all go down well with that age.",
  ],
  [
    "How do I get a toddler to eat vegetables?",
    "Offer them often without pressure, let them help cook, and serve a small portion next to something they already like.",
  ],
  [
    "What's a good gift for a grandparent who has everything?",
    "Experiences and time work well: a day out together, a photo book, or a framed family picture.",
  ],
  [
    "What board games are good for a family night?",
    "Ticket to Ride, Dixit, Carcassonne and Codenames are easy to learn and fun across ages.",
  ],
  [
    "How should I split chores with housemates fairly?",
    "List every chore, estimate the time each takes, and rotate weekly so nobody is stuck with the worst ones.",
  ],
  [
    "What's a nice way to thank a neighbour for watering my plants?",
    "A handwritten note with homemade biscuits or a small plant of their own is a lovely gesture.",
  ],
  [
    "How do you keep in touch with friends who live far away?",
    "Schedule regular video calls, share voice notes, and plan one visit a year so there's always something to look forward to.",
  ],
  [
    "Can you help me think of a toast for a friend's wedding?",
    "Start with a short story about how you met, say what makes them a great couple, and end with a raised glass to their future.",
  ],
  [
    "What's an appropriate amount to spend on a wedding gift?",
    "It depends on how close you are and your budget; many people spend about what they would on a nice dinner out.",
  ],
  [
    "How do I deal with a friend who is always late?",
    "Tell them kindly how it affects you, and suggest meeting somewhere you don't mind waiting.",
  ],
  [
    "It's been raining all day here, I'm so fed up with it.",
    "Grey days can really drag. Maybe a good film and a hot drink is the answer tonight.",
  ],
  ["Finally Friday! This week felt endless.", "Enjoy it, you've earned the weekend. Any plans?"],
  [
    "I just can't get motivated today.",
    "That happens. Try picking one small task and starting with just five minutes.",
  ],
  [
    "The heating has been clanking all night, so annoying.",
    "That's often air in the radiators. Bleeding them usually fixes the noise.",
  ],
  [
    "I think I'm coming down with a cold.",
    "Sorry to hear that. Rest, fluids and a warm drink with honey usually help.",
  ],
  [
    "Traffic was terrible this morning, took an hour to go three miles.",
    "That sounds exhausting. A podcast can make those crawls a bit more bearable.",
  ],
  [
    "Ugh, I've been on hold with the bank for forty minutes.",
    "That's frustrating. Many banks answer faster through their app chat.",
  ],
  ["The sunset tonight was unreal.", "Those evenings are the best. Did you manage to get a photo?"],
  [
    "My phone battery dies by lunchtime lately.",
    "Check which apps use the most battery in settings and turn down the screen brightness.",
  ],
  [
    "I've had the same song stuck in my head for two days.",
    "Earworms are the worst! Listening to the whole song through sometimes helps.",
  ],
  [
    "Can you recommend a good thriller novel?",
    "Try 'Gone Girl' by Gillian Flynn, 'The Silent Patient' by Alex Michaelides or anything by Tana French.",
  ],
  [
    "What's a feel-good film for a rainy evening?",
    "'Paddington 2', 'The Grand Budapest Hotel' and 'About Time' are all reliably cheerful.",
  ],
  [
    "Is it worth watching a series everyone keeps talking about?",
    "Give it two episodes; if it hasn't grabbed you by then, it's fine to stop.",
  ],
  ["Who wrote Pride and Prejudice?", "Jane Austen, published in 1813."],
  [
    "Can you recommend a podcast about history?",
    "'The Rest Is History' and 'Hardcore History' are both very popular and engaging.",
  ],
  [
    "What's the plot of Moby Dick in two sentences?",
    "Captain Ahab hunts the white whale that took his leg, dragging his crew along. His obsession ends in the ship's destruction, with only Ishmael surviving.",
  ],
  [
    "Which albums are considered the best of the nineties?",
    "Frequent picks include 'OK Computer', 'Nevermind', 'The Miseducation of Lauryn Hill' and 'Illmatic'.",
  ],
  [
    "What's a good board game for two players?",
    "Patchwork, 7 Wonders Duel and Jaipur are excellent two-player games.",
  ],
  [
    "How does the offside rule work in football?",
    "A player is offside if they're nearer the goal line than both the ball and the second-last defender when the ball is played to them.",
  ],
  [
    "Tell me a joke about computers.",
    "Why did the computer go to the doctor? It had a virus, but it was fine after a byte to eat.",
  ],
];
