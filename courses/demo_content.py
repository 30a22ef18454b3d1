"""Demo course content for `seed_demo`: “Customer Focus as Positive Leadership”.

Pure data, no Django imports. `seed_demo` turns it into Principle snippets, a course page,
module pages and the community course book.

- PRINCIPLES: the principle snippets; modules and principle callouts refer to them by slug
  (the seed command swaps each slug for the snippet).
- COURSE: the course page fields.
- MODULES: five modules in teaching order. Each `body` is StreamField data in Wagtail's raw
  format (a list of ``{"type": <block name>, "value": <value>}``) matching
  courses.blocks.ModuleStreamBlock. Shared blocks appear in both editions; `workplace_only`
  speaks to employees serving customers, `community_only` to home, family and community.
- BOOK: the title, foreword and credits of the printable community course book.

Each module retells one source article in Ripple's own words and credits it in its story
block; BOOK["credits"] lists every source. Ripple's own text is licensed CC BY-SA 4.0.
Source URLs are left empty on purpose: none has been verified.
"""

PRINCIPLES = [
    {
        "slug": "people-helping-people",
        "name": "People helping people",
        "statement": "Great service begins with one person choosing to help another.",
        "explanation": (
            "Behind nearly every memorable experience of service stands a person, not a system. "
            "Real help is personal, it often means stepping outside the usual routine to get "
            "someone what they truly need, and it frequently goes unthanked. Organizations and "
            "communities thrive when they find, grow and honour their helpers."
        ),
    },
    {
        "slug": "compassion",
        "name": "Compassion",
        "statement": "Stop, listen and care — then act on what you hear.",
        "explanation": (
            "Compassion is noticing the person behind the request and letting their situation "
            "move you to act. It needs no special title, only attention and the willingness to "
            "use whatever room you have to help. People remember compassion long after they have "
            "forgotten the transaction."
        ),
    },
    {
        "slug": "contribution",
        "name": "Contribution and positive leadership",
        "statement": "Making a positive difference for others is leadership, whatever your role.",
        "explanation": (
            "When people choose to make a real contribution, they are taking leadership, whether "
            "or not anyone gave them a title. Contribution makes life better for the person "
            "served and for the one serving; it is a source of meaning, not a performance. "
            "Positive leaders also pass on what they have learned."
        ),
    },
    {
        "slug": "ownership-and-responsibility",
        "name": "Ownership and responsibility",
        "statement": "Own the problem and the solution — especially the small ones.",
        "explanation": (
            "The power to help carries the responsibility to use it. Many problems are simple to "
            "solve if someone steps forward instead of asking whether it is their job. Owning the "
            "small things that are not strictly yours, and that harm nothing, turns moments of "
            "panic into lasting trust."
        ),
    },
    {
        "slug": "people-process-technology",
        "name": "People, process and technology",
        "statement": "Engaged people, helpful processes and good tools must work together.",
        "explanation": (
            "People come first: those who feel that what they do matters serve others well. But "
            "good people are let down by processes that reward the wrong thing and by tools that "
            "make others repeat themselves. Great service needs all three pulling in the same "
            "direction."
        ),
    },
    {
        "slug": "learning-from-success",
        "name": "Learning from success",
        "statement": "Study what goes right as carefully as what goes wrong.",
        "explanation": (
            "We are used to learning from failure, but excellence has just as much to teach. When "
            "we notice exceptional service, ask how it happened and share the story, we make it "
            "easier to repeat. Every module in this course starts from a moment when someone got "
            "it right."
        ),
    },
]

COURSE = {
    "title": "Customer Focus as Positive Leadership",
    "slug": "customer-focus",
    "intro": (
        "<p>This course treats customer focus as something larger than a job skill. Through five "
        "true stories — a city’s helpers after a tragedy, a pilot who held a plane, a rental-car "
        "driver who raced a customer to the terminal, a station agent who took a stranger’s keys, "
        "and a company that threw away its stopwatch — you will explore the principles behind "
        "exceptional service and discover that they are the principles of <strong>positive "
        "leadership</strong>.</p>"
        "<p>You will learn together in a cohort and practise the principles with your customers. "
        "Then you will do something most training never asks: <strong>teach what you have "
        "learned</strong> to family, friends or a community group, using the community edition of "
        "the course book, and report back to your peers on how it went.</p>"
    ),
    "audience": (
        "Employees who serve customers, face to face or behind the scenes, and who are willing to "
        "pass the principles on at home or in their community."
    ),
    "learning_outcomes": [
        "Explain why great service is, at heart, people helping people.",
        "Practise the three moves of compassion: stop, listen and care.",
        "See everyday service as contribution and positive leadership, whatever your role.",
        "Take ownership of small problems and see their solutions through.",
        "Spot where people, process and technology help or hinder service.",
        "Teach one principle at home or in your community and report back to your peers.",
    ],
}

# Module 1 — from an essay on customer service leadership written the week of the 2013
# Boston Marathon (author not named in the copy we hold).
_PEOPLE_HELPING_PEOPLE_BODY = [
    {
        "type": "text",
        "value": (
            "<p>Think of the best service you have ever received. Hold the memory for a moment. "
            "Chances are that a person sits at the centre of it — not an app, not a website, not "
            "a voice menu asking you to press 3. Someone noticed you, and helped.</p>"
            "<p>This first module starts where all good service starts: with people helping "
            "people. We begin with a week when a whole city reminded the world what that looks "
            "like.</p>"
        ),
    },
    {
        "type": "story",
        "value": {
            "title": "The helpers at the finish line",
            "narrative": (
                "<p>In April 2013, two bombs exploded near the finish line of the Boston "
                "Marathon. In the confusion that followed, the cameras caught something besides "
                "the harm: race volunteers, runners, retirees, tourists and ordinary passers-by "
                "moving <em>toward</em> the injured — kneeling beside strangers, pressing on "
                "wounds, carrying people to help.</p>"
                "<p>That same week, a writer on customer service leadership sat down to reflect "
                "on those images. Tragedy, the writer observed, brings one small mercy: it can "
                "make an impersonal world feel personal again. People who had never met became, "
                "for an afternoon, a community.</p>"
                "<p>Then the essay turned to the helpers we rarely see. Every hour of every day, "
                "someone answers an emergency call and steadies a frightened voice. Someone sends "
                "crews into danger without knowing what they will find. Someone gently sorts out "
                "the travel of a family rushing to be with their grieving relatives. Someone at "
                "an insurance company explains that yes, the treatment you need is covered.</p>"
                "<p>And it asked a pointed question. In a world of self-service screens and "
                "automated menus, how often has a machine been behind your most memorable "
                "experience of service? Far more often it was a person — and often a person who "
                "helped in a very hands-on way: overriding what the system would do by default, "
                "re-entering a booking by hand, fixing the problem themselves so you got what you "
                "actually needed, usually with no thanks and no reward.</p>"
                "<p>The writer ended with a toast to all those helpers, and a challenge to every "
                "organization: make helping people the very core of how you serve.</p>"
            ),
            "source": (
                "An essay on customer service leadership written the week of the 2013 Boston "
                "Marathon"
            ),
            "credit": "Author not named in the copy we hold",
            "source_url": "",
            "lesson": (
                "Service at its best is one person choosing to help another. Systems can support "
                "that choice, but they cannot make it."
            ),
        },
    },
    {
        "type": "quote",
        "value": {
            "quote": "Here’s to all the people who help every hour, every interaction, every day.",
            "attribution": "From an essay on customer service leadership, April 2013",
        },
    },
    {
        "type": "principle",
        "value": {
            "principle": "people-helping-people",
            "note": (
                "Notice the three marks of real help in this story: it is personal, it is often "
                "hands-on, and it usually goes unthanked."
            ),
        },
    },
    {
        "type": "text",
        "value": (
            "<h3>What the helpers have in common</h3>"
            "<ul>"
            "<li><strong>They see a person, not a case.</strong> The help is personal; it fits "
            "the one being helped.</li>"
            "<li><strong>They step outside the default.</strong> Real help often means doing by "
            "hand what the system would not do on its own.</li>"
            "<li><strong>They rarely get the credit.</strong> Most helping goes unseen, which is "
            "why it is worth noticing, naming and thanking.</li>"
            "</ul>"
            "<p>None of this needs a crisis. The same spirit that moved people toward the finish "
            "line shows up every day in small ways — at a counter, on a phone line, over a garden "
            "fence.</p>"
        ),
    },
    {
        "type": "reflection",
        "value": {
            "intro": "Take a few quiet minutes and write down your answers.",
            "questions": [
                (
                    "Think of the best service you have ever received. Who was the person at the "
                    "heart of it, and what exactly did they do?"
                ),
                (
                    "When has someone stepped outside a rule or routine to get you what you "
                    "really needed?"
                ),
                "Who are the quiet helpers in your life whose work usually goes unthanked?",
                "How does it feel when you are the one who helps?",
            ],
        },
    },
    {
        "type": "workplace_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At work: is helping at the core?</h3>"
                    "<p>The essay carries a warning for every organization: if the way we hire, "
                    "train, develop and reward people is not rooted in helping customers, we will "
                    "lose both our colleagues and our customers faster than we can count to ten. "
                    "Self-service tools have their place, but customers remember the colleague "
                    "who took their problem personally.</p>"
                    "<p>Ask honestly whether your unit rewards helping people, or only handling "
                    "volume.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your work with customers:",
                    "questions": [
                        (
                            "When did you last rework an order or override a default so that a "
                            "customer got what they really wanted? What made that possible?"
                        ),
                        (
                            "Do our hiring, training and recognition reward people helping "
                            "people, or mostly speed and volume?"
                        ),
                        (
                            "Which colleagues help customers quietly and well? How could your "
                            "team recognise them this month?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "community_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At home and nearby: the helpers around you</h3>"
                    "<p>You do not need a uniform or a name badge to be a helper. Every street "
                    "has them: the neighbour who clears an older couple’s path after a snowfall, "
                    "the volunteer who keeps the food pantry open, the coach who waits until the "
                    "last child has been collected, the friend who simply turns up with soup.</p>"
                    "<p>Most of them would never call what they do “service”. But it is exactly "
                    "that — people helping people — and it is what holds a community together.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your home and community:",
                    "questions": [
                        "Who are the helpers on your street, in your family or in your community?",
                        (
                            "When did a neighbour or a stranger help you at a hard moment? How "
                            "did it change your day?"
                        ),
                        "What is one small way you could help someone near you this week?",
                    ],
                },
            },
        ],
    },
    {
        "type": "activity",
        "value": {
            "title": "The best help I ever had",
            "duration_minutes": 15,
            "steps": [
                (
                    "Sit in pairs. Each person has three minutes to tell the story of the best "
                    "help or service they have ever received."
                ),
                (
                    "The listener jots down what the helper actually did — the specific actions, "
                    "not just “they were nice”."
                ),
                "Swap roles.",
                (
                    "As a whole group, gather the actions on a board or large sheet. Circle those "
                    "that meant stepping outside a routine or default."
                ),
                "Close by naming one helper you will thank this week, in person or in writing.",
            ],
            "materials": ["Paper and pens", "A whiteboard or large sheet of paper, and markers"],
        },
    },
    {
        "type": "teach_it",
        "value": {
            "goal": (
                "Everyone leaves seeing the helpers around them more clearly, with one small act "
                "of help they will do this week."
            ),
            "talking_points": [
                (
                    "Tell the story of the helpers at the Boston Marathon finish line in your own "
                    "words, and why one writer saw in it the heart of good service."
                ),
                (
                    "Most of the best help we receive comes from a person — often someone who did "
                    "something by hand, outside the usual routine."
                ),
                (
                    "Helpers are everywhere: emergency call-takers, volunteers, neighbours, "
                    "family. Most of them go unthanked."
                ),
                (
                    "Helping is not only for people at work. Anyone can choose to be the person "
                    "who helps."
                ),
            ],
            "activity": {
                "title": "Thank-you notes to the helpers",
                "duration_minutes": 20,
                "steps": [
                    (
                        "Ask each person to remember someone who helped them, recently or long "
                        "ago, and to describe it in a sentence or two."
                    ),
                    (
                        "Hand out cards. Each person writes a short thank-you note to that "
                        "helper, naming exactly what they did and what it meant."
                    ),
                    "Invite anyone who wishes to read their note aloud.",
                    "Agree how the notes will be delivered: by hand, by post or by message.",
                ],
                "materials": ["Blank cards or notepaper", "Pens", "Envelopes (optional)"],
            },
            "questions": [
                "Who helped you when you really needed it?",
                "Who are the helpers in our family, street or group that we tend to overlook?",
                "What would change around here if each of us helped one person this week?",
            ],
        },
    },
]

# Module 2 — from “Compassion – The Critical Component in Customer Service”, I.T. Outsource
# blog. Names were changed in the source; keep them changed.
_COMPASSION_BODY = [
    {
        "type": "text",
        "value": (
            "<p>Some of the service we remember best is not clever or quick. It is kind. This "
            "module is about compassion: seeing the person behind the request, letting their "
            "situation move you, and using whatever room you have to help.</p>"
            "<p>A gentle warning before we begin: this story starts with a family’s tragedy. It "
            "is told here, as in the original, with the names changed out of respect for the "
            "family.</p>"
        ),
    },
    {
        "type": "story",
        "value": {
            "title": "The pilot who held the plane",
            "narrative": (
                "<p>Early one morning, a man we will call Mike Smith, away on business in Los "
                "Angeles, received the worst call of his life. His three-year-old grandson in "
                "Denver had been fatally injured in an act of violence. The little boy was being "
                "kept on life support because his mother had made the wrenching decision to "
                "donate his organs; by that night, more than two dozen people would receive his "
                "gift.</p>"
                "<p>Mike needed to reach his daughter’s side, and fast. He was flying Southwest "
                "Airlines, and he rerouted his journey home through to Denver. Because he was "
                "using a free ticket he had earned, he could not make the change online and had "
                "to call an agent. The agent, hearing why he was travelling, was close to "
                "tears.</p>"
                "<p>At the airport the queues were dreadful. Mike had arrived the recommended two "
                "hours early, yet he fell further and further behind as he inched through "
                "check-in and then security. At every step he explained his situation to the "
                "staff around him. By his own account, none of them seemed to care.</p>"
                "<p>Once through security, he grabbed his laptop, his belt and his shoes and ran "
                "for the gate in his socks. He was twelve minutes late — an age for any airline, "
                "let alone one proud of its on-time record.</p>"
                "<p>At the gate, the pilot and an agent were waiting. “Are you Mike?” they asked. "
                "They had held the plane for him, and they told him how sorry they were about his "
                "grandson. As the two men walked down the jet bridge together, Mike tried to "
                "thank the pilot, who brushed it aside: the plane could not leave without its "
                "pilot, he said, and he had not been going anywhere without Mike. Then he told "
                "him to relax — they would get him there.</p>"
                "<p>The story was shared on the blog of I.T. Outsource, a technology support "
                "company, by a writer who hoped their own team could show every client that same "
                "compassion.</p>"
            ),
            "source": "Compassion – The Critical Component in Customer Service",
            "credit": "I.T. Outsource blog (author not named; names changed in the original)",
            "source_url": "",
            "lesson": (
                "Many people heard Mike’s story that morning; a few chose to act on it. "
                "Compassion is the moment someone stops, listens and cares — and then uses the "
                "power they have to help."
            ),
        },
    },
    {
        "type": "quote",
        "value": {
            "quote": "Now relax. We’ll get you there.",
            "attribution": "A Southwest Airlines pilot, as retold on the I.T. Outsource blog",
        },
    },
    {
        "type": "principle",
        "value": {
            "principle": "compassion",
            "note": (
                "The blog’s closing thought sums it up: great service can still happen anywhere "
                "“if someone will just stop, listen, and care.”"
            ),
        },
    },
    {
        "type": "text",
        "value": (
            "<h3>Three small moves</h3>"
            "<ol>"
            "<li><strong>Stop.</strong> Pause the task long enough to notice the person in front "
            "of you. Hurry is the great enemy of compassion.</li>"
            "<li><strong>Listen.</strong> Let them tell you what is really going on. Mike "
            "explained himself again and again; compassion began when someone actually heard "
            "him.</li>"
            "<li><strong>Care — and act.</strong> Feel with them, then do what lies within your "
            "reach. For a pilot, that was holding a plane. For most of us it is smaller, and no "
            "less real.</li>"
            "</ol>"
        ),
    },
    {
        "type": "reflection",
        "value": {
            "intro": "Take a few quiet minutes and write down your answers.",
            "questions": [
                (
                    "Recall a time someone treated you with real compassion when you were "
                    "struggling. What did they do, and what did it mean to you?"
                ),
                (
                    "Mike explained his situation to many people who did not respond. What gets "
                    "in the way of stopping and listening?"
                ),
                (
                    "What small thing could you do to show compassion to someone who is having a "
                    "hard day?"
                ),
            ],
        },
    },
    {
        "type": "workplace_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At work: compassion on a busy shift</h3>"
                    "<p>Queues, targets and schedules push us to treat people as tickets to "
                    "clear. Yet the customer in front of you may be carrying news you cannot see. "
                    "A compassionate unit makes room for a colleague to pause, to hear the story "
                    "and — where it harms no one — to bend the routine, just as that crew held a "
                    "departure.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your work with customers:",
                    "questions": [
                        (
                            "Think of a customer who came to you in distress. What did they need "
                            "beyond the transaction itself?"
                        ),
                        (
                            "Where in our service might a customer in crisis have to explain "
                            "themselves again and again before anyone responds?"
                        ),
                        (
                            "What is our unit’s version of “holding the plane”, and who is "
                            "allowed to decide to do it?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "community_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At home and nearby: compassion close to home</h3>"
                    "<p>The hardest days rarely announce themselves. A neighbour has just lost a "
                    "parent. A teenager is quieter than usual at dinner. A friend in the waiting "
                    "room keeps glancing at the clock. Compassion at home and in the community "
                    "looks much as it did at that gate: noticing, asking, listening without "
                    "hurrying, and offering the help that is yours to give — a lift, a meal, an "
                    "hour of company.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your home and community:",
                    "questions": [
                        (
                            "Who in your family or circle of friends might be carrying something "
                            "heavy right now?"
                        ),
                        "When did someone’s kindness at a hard time stay with you for years?",
                        (
                            "What gets in the way of stopping and listening at home, and how "
                            "could you make room for it?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "activity",
        "value": {
            "title": "Stop, listen, care",
            "duration_minutes": 15,
            "steps": [
                "Form groups of three: a speaker, a listener and an observer.",
                (
                    "For two minutes, the speaker describes a real, moderately difficult day they "
                    "have had (nothing too private)."
                ),
                (
                    "The listener only listens: no advice, no fixing, no stories of their own. "
                    "Then they reflect back what they heard, including how the speaker seemed to "
                    "feel."
                ),
                (
                    "The observer notes moments when the listener truly stopped, and moments when "
                    "they were tempted to rush ahead."
                ),
                (
                    "Rotate so everyone plays each part, then discuss: what made listening hard, "
                    "and what made it feel like care?"
                ),
            ],
            "materials": ["A timer or phone", "Paper and pens for the observers"],
        },
    },
    {
        "type": "teach_it",
        "value": {
            "goal": (
                "Everyone leaves able to name the three moves of compassion — stop, listen, care "
                "— with one person in mind to reach out to."
            ),
            "talking_points": [
                (
                    "Retell the story of the pilot who held the plane, gently. The point is the "
                    "kindness, not the tragedy."
                ),
                (
                    "Many people heard Mike’s story that morning. What made the difference was "
                    "someone who stopped, listened and cared."
                ),
                (
                    "Compassion does not need power or a title. It needs attention and the "
                    "willingness to do what is within reach."
                ),
                "Small acts count: a phone call, a meal, a lift, a patient ear.",
            ],
            "activity": {
                "title": "Who needs a held plane?",
                "duration_minutes": 15,
                "steps": [
                    (
                        "Invite everyone to think quietly of one person they know who is going "
                        "through something hard."
                    ),
                    (
                        "Without naming anyone unless they wish to, each person says what kind of "
                        "help might mean most to that person."
                    ),
                    (
                        "Each person chooses one small, concrete act of kindness to do in the "
                        "coming week."
                    ),
                    (
                        "Close by going round the circle, each person saying their act in one "
                        "sentence."
                    ),
                ],
                "materials": ["Small cards", "Pens"],
            },
            "questions": [
                "When has someone shown you compassion that you still remember?",
                "What makes it hard for us to slow down and listen to each other?",
                "How could we, as a family or group, look out for one another better?",
            ],
        },
    },
]

# Module 3 — from “Customer Service as Positive Leadership” (author not named in the copy we
# hold), with its four reflection questions lightly adapted and a reader's comment on it.
_CONTRIBUTION_BODY = [
    {
        "type": "text",
        "value": (
            "<p>We usually learn from failure: what went wrong, who dropped the ball, how to stop "
            "it happening again. Positive leadership invites a different habit — to look closely "
            "at excellence when we meet it, and to ask what it has to teach us.</p>"
            "<p>This module tells the story that gave Ripple its shape.</p>"
        ),
    },
    {
        "type": "story",
        "value": {
            "title": "The ride to the terminal",
            "narrative": (
                "<p>A frequent traveller often flew into Detroit and rented cars from National. "
                "Over the course of a year he noticed a change: the company had clearly invested "
                "in customer service, and every employee he met seemed to be trying to make a "
                "real contribution.</p>"
                "<p>One day he was running badly behind. Returning his car, he mentioned to an "
                "employee that he would probably miss his flight. The employee told him to get "
                "back in the car, called out to his boss to cover for him, and drove him to the "
                "terminal himself.</p>"
                "<p>On the way, the traveller learned a good deal. The driver was a veteran. His "
                "goal in life was to own a home, and he had saved for years. Just as the dream "
                "came within reach, a run of setbacks had pushed it away again. Yet he did not "
                "dwell on them; he talked instead about his new plan for getting there. “You have "
                "to hold on to your goals when things go wrong,” he said.</p>"
                "<p>At the terminal the traveller thanked him warmly. To his surprise, the driver "
                "thanked him back — for the chance to make a positive difference. The traveller "
                "made his flight, just.</p>"
                "<p>Days later the experience returned to him in a dream. He saw trainers "
                "teaching a customer-focus course to the people at National, and the driver and "
                "his colleagues putting it into practice. When he woke, an insight followed: the "
                "principles of great customer service overlap with the principles of positive "
                "leadership. The driver had not been putting on a show. In choosing to help, he "
                "had taken leadership — and he was flourishing in it.</p>"
                "<p>So the writer went a step further. What if every employee were trained not "
                "only to serve, but to teach the same principles at home and in their community, "
                "using a more general course book, and then to report back to their peers? They "
                "would see their work as part of a philosophy for life, and themselves as its "
                "teachers; their families and neighbours would benefit; and the company would be "
                "seen doing good. Everyone wins.</p>"
            ),
            "source": "Customer Service as Positive Leadership",
            "credit": "Author not named in the copy we hold",
            "source_url": "",
            "lesson": (
                "When someone chooses to make a real contribution, they are leading — and the "
                "service that makes a customer’s day better makes the giver’s life better too."
            ),
        },
    },
    {
        "type": "quote",
        "value": {
            "quote": "You have to hold on to your goals when things go wrong.",
            "attribution": (
                "A rental-car driver in Detroit, as retold in “Customer Service as Positive "
                "Leadership”"
            ),
        },
    },
    {
        "type": "principle",
        "value": {
            "principle": "contribution",
            "note": (
                "The driver had no title that said “leader”. He gave himself permission to help, "
                "and he felt great about it. That is positive leadership."
            ),
        },
    },
    {
        "type": "principle",
        "value": {
            "principle": "learning-from-success",
            "note": (
                "This whole course began because one customer stopped to ponder excellent service "
                "for days instead of simply moving on."
            ),
        },
    },
    {
        "type": "text",
        "value": (
            "<h3>Why this course asks you to teach</h3>"
            "<p>This story is why Ripple courses do not end in the classroom. You will teach the "
            "principles to people in your own life, using a community edition of the course book, "
            "and then tell your peers how it went. Teaching is one of the surest ways to learn, "
            "and it helps you see yourself as what the driver already was: a positive leader who "
            "makes a difference. You come to see the principles as a way of living, the people "
            "you teach gain ideas they can use, and your organization becomes known for the good "
            "its people do.</p>"
        ),
    },
    {
        "type": "reflection",
        "value": {
            "intro": "Take a few quiet minutes and write down your answers.",
            "questions": [
                (
                    "When have you felt you made a genuine contribution to someone else’s day? "
                    "How did you feel afterwards?"
                ),
                (
                    "The driver thanked the customer for the chance to help. Why might helping "
                    "make the helper flourish?"
                ),
                "Where in your life are you already leading without a title?",
            ],
        },
    },
    {
        "type": "workplace_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At work: four questions for your team</h3>"
                    "<p>The original essay closed with four questions for leaders and teams. Here "
                    "they are, lightly adapted, for you and your unit. Bring your answers to the "
                    "next cohort session.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "Reflect on your organization:",
                    "questions": [
                        (
                            "Identify an organization that gives you extraordinary customer "
                            "service. How does it make you feel?"
                        ),
                        "How does your unit or organization compare?",
                        (
                            "What would happen if our people were trained in customer service and "
                            "also had the chance to teach its principles in their homes and "
                            "communities?"
                        ),
                        "How could we use this story to create a more positive organization?",
                    ],
                },
            },
        ],
    },
    {
        "type": "community_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At home and nearby: leading without a title</h3>"
                    "<p>A reader who responded to the original essay told of a rubbish collector "
                    "who, whenever the reader forgot to put the bin out, would climb down from "
                    "his truck, walk up the drive and fetch it himself. When a county official "
                    "later tried to shut his company out of the area, the reader — not normally "
                    "one for letters or petitions — joined many neighbours in writing and signing "
                    "both, and they won. His small, faithful contributions had built a community "
                    "that stood up for him.</p>"
                    "<p>That is leadership too — and so is the parent who keeps the family going "
                    "through setbacks, or the volunteer who makes a newcomer feel welcome.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your home and community:",
                    "questions": [
                        (
                            "Think of a person or group in your community that serves you "
                            "extraordinarily well. How does it make you feel?"
                        ),
                        "How does your own home or group compare?",
                        (
                            "What would change if everyone in your family or group saw helping "
                            "others as a way of leading?"
                        ),
                        (
                            "How could you use this story to make your home or community a more "
                            "positive place?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "activity",
        "value": {
            "title": "Learning from a success",
            "duration_minutes": 20,
            "steps": [
                (
                    "On your own, write down one time you received exceptional service — in a "
                    "shop, a clinic, an office or anywhere else."
                ),
                "In groups of four, each person tells their story in two minutes.",
                (
                    "The group picks one story and asks: What exactly did the person do? What "
                    "choice did they make that they did not have to make? What might they have "
                    "gained from it?"
                ),
                (
                    "Name the principle at work in one sentence that begins “Great service "
                    "happens when…”."
                ),
                "Share the sentences with everyone and keep them for your own teaching session.",
            ],
            "materials": ["Paper and pens", "A flip chart or whiteboard"],
        },
    },
    {
        "type": "teach_it",
        "value": {
            "goal": (
                "Everyone leaves seeing that helping others is a kind of leadership open to "
                "anyone, with one contribution they will make this week."
            ),
            "talking_points": [
                (
                    "We usually learn from what goes wrong. Today we learn from something that "
                    "went right."
                ),
                (
                    "Tell the story of the driver who took a customer to the terminal, and of the "
                    "driver’s own dream of owning a home."
                ),
                (
                    "The driver thanked the customer for the chance to help. Contribution makes "
                    "life better for the giver as well as the receiver."
                ),
                (
                    "Leadership is not a job title. Each time we choose to make a positive "
                    "difference, we are leading."
                ),
                (
                    "Say why you are teaching this: it is part of your own course, and you will "
                    "share what you learn here with your colleagues."
                ),
            ],
            "activity": {
                "title": "Our best-ever help",
                "duration_minutes": 20,
                "steps": [
                    (
                        "Go round the group: each person briefly tells of a time someone went out "
                        "of their way for them."
                    ),
                    (
                        "Pick one or two stories and ask together: what choice did the helper "
                        "make, and what might it have meant to them?"
                    ),
                    (
                        "Each person completes the sentence “This week I will make a difference "
                        "for … by …” on a card."
                    ),
                    "Agree to check in with each other the next time you meet.",
                ],
                "materials": ["Cards or paper", "Pens"],
            },
            "questions": [
                "Who in our family or community leads by helping, without any title?",
                "How did it feel the last time you made a real difference for someone?",
                "What goal are you holding on to, even though things have gone wrong?",
                "What would change if we all saw helping as a way of leading?",
            ],
        },
    },
]

# Module 4 — from “In Customer Service Power = Responsibility” by Jody Pellerin (PhaseWare),
# which retells Sarah Green's HBR post “The Key to Great Customer Service”.
_OWNERSHIP_BODY = [
    {
        "type": "text",
        "value": (
            "<p>We all have a story that ends, “…and it would have been so simple to…”. Somebody "
            "could have fixed it in a minute, but it was not their department, or their job, or "
            "their problem. This module is about the opposite: people who have the power to help "
            "and take the responsibility to use it.</p>"
        ),
    },
    {
        "type": "story",
        "value": {
            "title": "The agent who took the keys",
            "narrative": (
                "<p>Sarah Green, writing on the <em>Harvard Business Review</em> blog, described "
                "a moment at the Amtrak station in New York City. She had a train to catch — and "
                "a problem. She was holding a set of keys that absolutely had to get back to a "
                "friend before she left, and there was no time to deliver them.</p>"
                "<p>Close to panic, she explained her predicament to an Amtrak employee, Joyce "
                "Davis. Joyce did not reach for a rulebook or wonder aloud whether this was part "
                "of her job. She simply took the keys, gave Sarah her mobile number, and told her "
                "to have the friend call to arrange a pick-up. Problem solved, in less time than "
                "it takes to tell.</p>"
                "<p>Green had recently heard Tony Hsieh of Zappos, a company famous for its "
                "service, speak. Her point was that Joyce did not work for Zappos. Great service "
                "happens in all sorts of organizations, wherever there are people who simply “get "
                "it”.</p>"
                "<p>Jody Pellerin of PhaseWare, a maker of customer service software, picked up "
                "the story and drew out its lesson. Employees should not take on responsibility "
                "for just anything, but they do need the freedom to handle the small things that "
                "lie a little outside their role and will do no harm. Pellerin joked that Joyce’s "
                "manager had better not have scolded her with “Now everyone will expect it!” — "
                "few travellers were likely to start leaving parcels at her desk, and Amtrak had "
                "just earned glowing word of mouth from one of the best-known names in business "
                "writing.</p>"
                "<p>The conclusion was simple: great service depends on people being empowered, "
                "and willing, to own both the problem and the solution.</p>"
            ),
            "source": "In Customer Service Power = Responsibility",
            "credit": (
                "Jody Pellerin, PhaseWare, retelling Sarah Green’s “The Key to Great Customer "
                "Service” (Harvard Business Review)"
            ),
            "source_url": "",
            "lesson": (
                "When you have the power to help, you have the responsibility to use it. Owning a "
                "small problem that is not strictly yours can turn someone’s panic into lasting "
                "trust."
            ),
        },
    },
    {
        "type": "principle",
        "value": {
            "principle": "ownership-and-responsibility",
            "note": (
                "Joyce did not wait to be told. She had the power to help, took the "
                "responsibility, and it cost her almost nothing."
            ),
        },
    },
    {
        "type": "text",
        "value": (
            "<h3>Owning it, wisely</h3>"
            "<p>Ownership does not mean taking on everything. It means asking three simple "
            "questions when something lands in front of you:</p>"
            "<ul>"
            "<li><strong>Can I help?</strong> Is this within my reach, even if it is not strictly "
            "my job?</li>"
            "<li><strong>Will it harm anything?</strong> Does it put safety, fairness or someone "
            "else’s trust at risk?</li>"
            "<li><strong>Will I see it through?</strong> Owning the solution means following up "
            "until the problem is truly solved.</li>"
            "</ul>"
            "<p>If the answers are yes, no and yes, the most helpful words you can say are “Leave "
            "it with me.”</p>"
        ),
    },
    {
        "type": "quote",
        "value": {
            "quote": "Own the problem and the solution.",
            "attribution": "After Jody Pellerin, PhaseWare",
        },
    },
    {
        "type": "reflection",
        "value": {
            "intro": "Take a few quiet minutes and write down your answers.",
            "questions": [
                (
                    "Think of a time someone said, in effect, “Leave it with me” — and followed "
                    "through. How did that feel?"
                ),
                (
                    "Finish this sentence from your own experience: “It would have been so simple "
                    "to…”. What stopped the person from doing it?"
                ),
                (
                    "What small problems around you could you own, even though they are not "
                    "strictly yours?"
                ),
            ],
        },
    },
    {
        "type": "workplace_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At work: power and permission</h3>"
                    "<p>People cannot own what they are not allowed to touch. If every small "
                    "exception must climb the chain of command, customers wait and colleagues "
                    "stop trying. Leaders who want ownership have to give their people clear room "
                    "to act — and then back them when they do, rather than fretting that "
                    "“everyone will expect it”.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your work with customers:",
                    "questions": [
                        (
                            "Which small customer problems can you solve on the spot today, and "
                            "which must you escalate? Should that line move?"
                        ),
                        (
                            "When a colleague bends a routine to help a customer, how do our "
                            "managers respond? How would Joyce Davis be treated here?"
                        ),
                        (
                            "What is one approval step we could remove so that colleagues can own "
                            "the solution?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "community_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At home and nearby: owning the small things</h3>"
                    "<p>Families, clubs and volunteer groups have their own version of “not my "
                    "department”. The dishes sit because it was not my turn. The hall stays "
                    "locked because someone else has the key. The newcomer stands alone because "
                    "welcoming is the committee’s job. Ownership at home and in the community is "
                    "the quiet habit of saying “I’ll take care of it” — and then doing so, "
                    "whether that means passing on a message, returning a borrowed dish or taking "
                    "in a neighbour’s parcel.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your home and community:",
                    "questions": [
                        (
                            "Where in your home or group do small things fall through the cracks "
                            "because nobody owns them?"
                        ),
                        (
                            "When did a neighbour or friend take care of something for you that "
                            "was not their responsibility?"
                        ),
                        "What is one small thing you will own this week without being asked?",
                    ],
                },
            },
        ],
    },
    {
        "type": "activity",
        "value": {
            "title": "Rewrite the ending",
            "duration_minutes": 15,
            "steps": [
                (
                    "Each person writes a short, true story that ends “…and it would have been so "
                    "simple to…”. Keep it light and leave out names."
                ),
                "In pairs, swap stories.",
                (
                    "Rewrite your partner’s story as if someone had taken ownership. What exactly "
                    "did they do? What did it cost them?"
                ),
                (
                    "Read a few new endings aloud. Together, list what made ownership possible: "
                    "permission, confidence, time or simply noticing."
                ),
            ],
            "materials": ["Paper and pens", "A board or large sheet for the list"],
        },
    },
    {
        "type": "teach_it",
        "value": {
            "goal": (
                "Everyone leaves with the habit of asking “Can I take care of this?” and one "
                "small thing they will own this week."
            ),
            "talking_points": [
                (
                    "Tell the story of Joyce Davis and the keys, and how a stranger’s panic "
                    "became a story told far and wide."
                ),
                (
                    "We all have stories that end “it would have been so simple to…”. Ownership "
                    "rewrites those endings."
                ),
                (
                    "Owning something means seeing it through: not just “I’ll try” but “Leave it "
                    "with me.”"
                ),
                (
                    "Use three simple questions: Can I help? Will it harm anything? Will I see it "
                    "through?"
                ),
            ],
            "activity": {
                "title": "Who owns it?",
                "duration_minutes": 20,
                "steps": [
                    (
                        "Together, list small things in your home, street or group that often "
                        "fall through the cracks — the bins, the shared kitchen, welcoming "
                        "newcomers, returning borrowed things."
                    ),
                    (
                        "For each one, ask the three questions: can one of us help, will it harm "
                        "anything, will we see it through?"
                    ),
                    "Let each person volunteer to own one item for the coming week or month.",
                    "Write the names beside the items and agree when you will check in.",
                ],
                "materials": ["A large sheet of paper or a whiteboard", "Markers"],
            },
            "questions": [
                "When has someone taken care of something for you that was not their job?",
                "What stops us from stepping in when we could help?",
                "What would our home or group be like if everyone owned one small thing?",
            ],
        },
    },
]

# Module 5 — from “3 Musts for Great Customer Service” by Myles Suer.
_PEOPLE_PROCESS_TECHNOLOGY_BODY = [
    {
        "type": "text",
        "value": (
            "<p>Christopher Mims of the <em>Wall Street Journal</em> once offered a wonderfully "
            "simple measure of good service: when it is over, do people like you? Tony Hsieh of "
            "Zappos put it more warmly still — the aim is that a customer ends the call feeling "
            "they have made a new friend.</p>"
            "<p>This module asks what it takes to make that happen, not once but every day. Myles "
            "Suer’s answer is three things that must work together: people, process and "
            "technology.</p>"
        ),
    },
    {
        "type": "story",
        "value": {
            "title": "Throwing away the stopwatch",
            "narrative": (
                "<p>When Sue Nokes arrived at T-Mobile to lead customer service, calls were run "
                "against the clock. Success meant finishing a call quickly — the shorter the "
                "better — and incentives rewarded the number of calls completed, not the number "
                "of problems solved.</p>"
                "<p>Nobody was happy. Customers were hurried off the phone with their problems "
                "unsolved and had to call back. Agents knew they were not really helping. Before "
                "she took the job, Nokes had visited some of the call centres: on an average day "
                "about 12 percent of staff were absent, and turnover ran above 100 percent a "
                "year.</p>"
                "<p>She changed the measure. The time limit went. In its place came "
                "<strong>one-call resolution</strong>: how often is the customer’s problem solved "
                "on the first call? She put people first, too. Her message to employees was that "
                "they were number one — and the customer was the reason why. Making customers "
                "happy, she believed, is far easier when employees like their jobs and feel that "
                "what they do matters.</p>"
                "<p>The results, as Myles Suer reports them: once the process and people problems "
                "were fixed, absenteeism fell to around 3 percent, attrition dropped to 42 "
                "percent, and employee satisfaction rose to 80 percent, the highest it had ever "
                "been.</p>"
                "<p>Suer adds a third piece from an earlier company of his own. Customers calling "
                "for support were furious because the representative could not see what they had "
                "bought or which version they were using. Every call began with the customer "
                "explaining everything again — sometimes for 30 to 45 minutes. Better technology, "
                "with a single shared view of each customer, would have let everyone who served "
                "them start from what was already known.</p>"
            ),
            "source": "3 Musts for Great Customer Service",
            "credit": "Myles Suer",
            "source_url": "",
            "lesson": (
                "Great people can soften a poor process or clumsy tools, but they cannot make up "
                "for them for long. Service becomes great when engaged people, a process that "
                "rewards solving problems and tools that remember the customer all pull together."
            ),
        },
    },
    {
        "type": "quote",
        "value": {
            "quote": "You are No. 1, and the customer is why.",
            "attribution": (
                "Sue Nokes, formerly of T-Mobile, to her employees, as quoted by Myles Suer"
            ),
        },
    },
    {
        "type": "principle",
        "value": {
            "principle": "people-process-technology",
            "note": (
                "People come first, but they need a process that rewards the right thing and "
                "tools that help them remember and respond."
            ),
        },
    },
    {
        "type": "text",
        "value": (
            "<h3>The three musts</h3>"
            "<ul>"
            "<li><strong>People.</strong> Look for people skills as well as technical ones — and "
            "then keep people engaged. When the University of Kentucky’s HealthCare IT team "
            "measured staff engagement every day, customer satisfaction turned out to track "
            "it.</li>"
            "<li><strong>Process.</strong> What you measure is what you get. Measure speed and "
            "you get speed; measure problems solved and you get solutions.</li>"
            "<li><strong>Technology.</strong> Tools should help people know and remember the "
            "person they serve, so that no one has to tell their story twice.</li>"
            "</ul>"
            "<p>Service is also a team sport. Suer recalls a story told by Theodore Levitt: a "
            "chief executive, asked who mattered most for customer service in his company, named "
            "the worker at the end of the assembly line who decides not to drop the product "
            "before it ships. Everyone, in every role, plays a part.</p>"
        ),
    },
    {
        "type": "reflection",
        "value": {
            "intro": "Take a few quiet minutes and write down your answers.",
            "questions": [
                (
                    "Think of a time good people were let down by a poor process or tool. What "
                    "happened?"
                ),
                (
                    "What gets measured or praised in a group you belong to, and does it "
                    "encourage the right things?"
                ),
                (
                    "When have you had to tell your story again and again before anyone could "
                    "help? How did it feel?"
                ),
            ],
        },
    },
    {
        "type": "workplace_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At work: check all three</h3>"
                    "<p>Look at your own unit as Sue Nokes looked at those call centres. Are "
                    "colleagues engaged, or counting the minutes? Do your metrics reward handle "
                    "time or first-contact resolution? Can everyone who deals with a customer — "
                    "service, sales, marketing — see the same customer record, or does each start "
                    "from scratch?</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your work with customers:",
                    "questions": [
                        (
                            "Which of our measures reward speed over actually solving the "
                            "customer’s problem?"
                        ),
                        (
                            "How many times does a customer have to tell us who they are and what "
                            "they have bought before we can help?"
                        ),
                        (
                            "What would raise engagement on our team, and how would we know it "
                            "had worked?"
                        ),
                        (
                            "Who outside the service team shapes our customers’ experience, and "
                            "do they know it?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "community_only",
        "value": [
            {
                "type": "text",
                "value": (
                    "<h3>At home and nearby: people, habits and tools</h3>"
                    "<p>The same three legs hold up a household, a sports club or a volunteer "
                    "group. <strong>People:</strong> does everyone feel that what they do "
                    "matters? <strong>Habits</strong> — the way things get done: do your routines "
                    "and rotas help people give their best, or just get things over with? "
                    "<strong>Tools:</strong> the shared calendar, the sign-up sheet, the group "
                    "chat. Imagine a food bank where visitors must explain their circumstances "
                    "afresh at every visit; one simple shared note, kept with care and consent, "
                    "could spare them that.</p>"
                ),
            },
            {
                "type": "reflection",
                "value": {
                    "intro": "For your home and community:",
                    "questions": [
                        (
                            "In your home or group, does everyone feel that what they do matters? "
                            "How could you show them that it does?"
                        ),
                        (
                            "Which routine in your household or group frustrates people? How "
                            "could it change?"
                        ),
                        (
                            "What simple tool — a list, a calendar, a shared note — would help "
                            "you look after each other better?"
                        ),
                    ],
                },
            },
        ],
    },
    {
        "type": "activity",
        "value": {
            "title": "Three legs of the stool",
            "duration_minutes": 25,
            "steps": [
                "Divide into three groups: People, Process and Technology.",
                (
                    "Choose one recent experience of service, good or bad, that someone in the "
                    "room is willing to share. Each group looks at it through its own lens only."
                ),
                (
                    "People: did the helper seem engaged and valued? Process: what was being "
                    "measured or rewarded? Technology: did the tools remember the person being "
                    "served?"
                ),
                "Each group reports back in three minutes.",
                (
                    "Together, choose one small change in each area that would have made the "
                    "experience better."
                ),
            ],
            "materials": [
                "Three large sheets of paper labelled People, Process and Technology",
                "Markers",
                "A timer",
            ],
        },
    },
    {
        "type": "teach_it",
        "value": {
            "goal": (
                "Everyone leaves able to look at how their home or group works through three "
                "lenses — people, habits and tools — with one improvement to try."
            ),
            "talking_points": [
                (
                    "A good test of service anywhere: at the end, do people feel they have made a "
                    "friend?"
                ),
                (
                    "Tell how Sue Nokes stopped timing phone calls and started counting problems "
                    "solved, and how much happier both customers and staff became."
                ),
                "People come first: everyone does better when they feel that what they do matters.",
                (
                    "The way we do things — our habits and routines — can help people or wear "
                    "them down."
                ),
                "Tools matter too: no one should have to explain themselves over and over.",
            ],
            "activity": {
                "title": "Our three-legged stool",
                "duration_minutes": 20,
                "steps": [
                    (
                        "Draw a three-legged stool on a large sheet and label the legs People, "
                        "Habits and Tools."
                    ),
                    (
                        "Choose something your household or group does together: a shared meal, a "
                        "weekly meeting, an event."
                    ),
                    "Beside each leg, write what is working well and what wobbles.",
                    (
                        "Pick one small change for the wobbliest leg and agree who will try it, "
                        "and when."
                    ),
                ],
                "materials": ["A large sheet of paper", "Markers"],
            },
            "questions": [
                "Does everyone here feel that what they do matters? How could we show it more?",
                "Which of our routines helps us, and which just gets in the way?",
                "What tool or simple habit would help us look after each other better?",
            ],
        },
    },
]

MODULES = [
    {
        "slug": "people-helping-people",
        "title": "People Helping People",
        "summary": (
            "Starting from the helpers at the 2013 Boston Marathon, discover why the best service "
            "has always been people helping people."
        ),
        "minutes": 30,
        "principles": ["people-helping-people"],
        "community_title": "The Helpers Around Us",
        "community_summary": (
            "The best help usually comes from a person who chooses to step in. Learn to notice "
            "the helpers around you — and to become one."
        ),
        "body": _PEOPLE_HELPING_PEOPLE_BODY,
    },
    {
        "slug": "compassion",
        "title": "Compassion: Stop, Listen, Care",
        "summary": (
            "A pilot holds a plane for a grieving grandfather. Learn how compassion — stopping, "
            "listening and caring — turns a routine into a kindness."
        ),
        "minutes": 30,
        "principles": ["compassion"],
        "community_title": "Stop, Listen, Care",
        "community_summary": (
            "When someone is struggling, the best help often starts with noticing. Practise the "
            "three small moves of compassion."
        ),
        "body": _COMPASSION_BODY,
    },
    {
        "slug": "contribution",
        "title": "Contribution: Service as Positive Leadership",
        "summary": (
            "A rental-car driver races a customer to the terminal and thanks him for the chance. "
            "See how everyday service is contribution, and contribution is leadership."
        ),
        "minutes": 40,
        "principles": ["contribution", "learning-from-success"],
        "community_title": "Everyday Leadership",
        "community_summary": (
            "You do not need a title to lead. Discover how making a positive difference for "
            "others is leadership — and why it makes life better for the giver too."
        ),
        "body": _CONTRIBUTION_BODY,
    },
    {
        "slug": "ownership-and-responsibility",
        "title": "Ownership: Power Means Responsibility",
        "summary": (
            "An Amtrak agent solves a stranger’s problem in seconds by taking her keys. Learn to "
            "own the problem and the solution, especially when it is small."
        ),
        "minutes": 30,
        "principles": ["ownership-and-responsibility"],
        "community_title": "Owning the Small Things",
        "community_summary": (
            "So many problems are simple to solve if someone steps forward. Practise owning the "
            "small things, even when they are not strictly yours."
        ),
        "body": _OWNERSHIP_BODY,
    },
    {
        "slug": "people-process-technology",
        "title": "People, Process and Technology",
        "summary": (
            "How T-Mobile threw away the stopwatch and transformed its call centres. Learn why "
            "great service needs engaged people, helpful processes and good tools together."
        ),
        "minutes": 45,
        "principles": ["people-process-technology"],
        "community_title": "Good People, Good Habits, Good Tools",
        "community_summary": (
            "At home or in a club, people do their best when the way things are done and the "
            "tools they use help rather than hinder."
        ),
        "body": _PEOPLE_PROCESS_TECHNOLOGY_BODY,
    },
]

BOOK = {
    "title": "Passing It On",
    "subtitle": "Five lessons in everyday positive leadership for home and community",
    "foreword": (
        "<p>Dear teacher,</p>"
        "<p>If you are holding this book, you have done something generous: you have agreed to "
        "pass on what you learned. Not long ago you sat with colleagues and explored five true "
        "stories of people who got service gloriously right — a city full of helpers, a pilot who "
        "held a plane, a driver who raced a stranger to his flight, a station agent who took a "
        "set of keys, and a company that put its people first. Along the way you discovered that "
        "the principles behind those stories are not only for work. They are the principles of "
        "positive leadership, and they belong at the kitchen table, on the street, in the club "
        "and the congregation as much as at any counter.</p>"
        "<p>This book is written for the people you will teach. Each chapter tells a story, names "
        "a principle, offers questions for quiet reflection and gives you a simple session plan. "
        "Use it as a guide, not a script. Tell the stories in your own voice, add stories of your "
        "own, and listen more than you speak.</p>"
        "<p>When you have finished, tell your colleagues how it went: what worked, what surprised "
        "you, and what the people you taught taught you. That is how a ripple spreads.</p>"
        "<p>Thank you for passing it on.</p>"
    ),
    "credits": (
        "<p>The stories in this book are retold in our own words from the sources below. Short "
        "quotations remain the words of their authors and are used with attribution. We are "
        "grateful to every writer, and to the people whose kindness they recorded.</p>"
        "<ul>"
        "<li><strong>The Helpers Around Us:</strong> an essay on customer service leadership "
        "written the week of the 2013 Boston Marathon (author not named in the copy we hold).</li>"
        "<li><strong>Stop, Listen, Care:</strong> “Compassion – The Critical Component in "
        "Customer Service”, published on the blog of I.T. Outsource (author not named). The "
        "original changed the family’s names out of respect, and we keep them changed.</li>"
        "<li><strong>Everyday Leadership:</strong> “Customer Service as Positive Leadership” "
        "(author not named in the copy we hold), including its four reflection questions, lightly "
        "adapted, and a story from a reader’s comment on that essay.</li>"
        "<li><strong>Owning the Small Things:</strong> “In Customer Service Power = "
        "Responsibility” by Jody Pellerin, Director of Marketing at PhaseWare, Inc., which "
        "retells Sarah Green’s <em>Harvard Business Review</em> blog post “The Key to Great "
        "Customer Service” about Joyce Davis of Amtrak.</li>"
        "<li><strong>Good People, Good Habits, Good Tools:</strong> “3 Musts for Great Customer "
        "Service” by Myles Suer, which quotes Christopher Mims (<em>The Wall Street Journal</em>, "
        "2 November 2015), Tony Hsieh of Zappos and Sue Nokes, formerly of T-Mobile, and draws on "
        "Theodore Levitt and the University of Kentucky HealthCare IT team.</li>"
        "</ul>"
        "<p>Ripple’s own text — the framing, principles, questions, activities and session plans "
        "— is licensed under the <a "
        'href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons '
        "Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0)</a>. You may copy, adapt "
        "and share it, including for your own community sessions, as long as you give credit and "
        "share your changes under the same licence. The source articles and the quotations from "
        "them belong to their authors and are not covered by this licence.</p>"
    ),
}
